// @cmmm/advice — placeholder, filled by the roadmap/policy move.
