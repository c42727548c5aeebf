// The dashboard's indicators beyond the self-diagnosis counts (issue 11 §2): the 调查问卷 (systems in use,
// networked and numerically controlled equipment), enterprises holding a certificate by level, and how the
// self-diagnosed level compares with the certified one. Every figure resting on fewer than k enterprises is
// null (a count with suppressed: true).
import { z } from 'zod';

/** A count, or null when it rests on fewer than MIN_GROUP_SIZE enterprises. */
export const countSchema = z.object({ value: z.number().int().nullable(), suppressed: z.boolean() });

/** One system of the survey (INFORMATION_SYSTEMS id): how many use it and the share (percent) of those answering. */
const systemUseSchema = z.object({ id: z.string(), users: countSchema, share: z.number().nullable() });

const surveyFiguresSchema = z.object({
  /** Mean 设备联网率 and 关键工序数控化率 (percent, one decimal) of the enterprises counted. */
  networked: z.number().nullable(),
  nc: z.number().nullable(),
  systems: z.array(systemUseSchema),
});

/** A group (GB/T 4754 major class, or region one level down) of ≥ k enterprises with a survey. */
const surveyGroupSchema = surveyFiguresSchema.extend({ code: z.string(), name: z.string(), enterprises: z.number().int() });

export const surveyIndicatorsSchema = surveyFiguresSchema.extend({
  /** Enterprises with a valid result whose diagnosis has a 调查问卷. */
  enterprises: countSchema,
  byIndustry: z.array(surveyGroupSchema),
  /** The regions one level down (none for a county). */
  byRegion: z.array(surveyGroupSchema),
  /** Groups left out (fewer than k, or hidden beside a single one that is). */
  suppressedGroups: z.number().int(),
});
export type SurveyIndicators = z.infer<typeof surveyIndicatorsSchema>;

/** The certificate levels counted: 一级 … 五级, then 'custom' (a 自定义评估's certificate, no single level). */
export const CERTIFIED_LEVELS = [1, 2, 3, 4, 5, 'custom'] as const;

const certifiedRowSchema = z.object({
  code: z.string().nullable(),
  name: z.string(),
  /** Enterprises holding a valid platform certificate, per CERTIFIED_LEVELS, and in all. */
  levels: z.array(countSchema),
  total: countSchema,
  /** Certifications published in the 2022 practice report (reference data, no platform enterprise). */
  published: countSchema,
});

export const certifiedEnterprisesSchema = z.object({
  /** The day the certificates were valid on (China time, YYYY-MM-DD). */
  asOf: z.string(),
  region: certifiedRowSchema,
  /** The regions one level down (none for a county). */
  byRegion: z.array(certifiedRowSchema),
});
export type CertifiedEnterprises = z.infer<typeof certifiedEnterprisesSchema>;

/** Differences self-diagnosed − certified level shown: a certified level is 1–5, a self-diagnosed one 0–5. */
export const LEVEL_DIFFERENCES = [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4] as const;

const calibrationFiguresSchema = z.object({
  /** Mean of self-diagnosed − certified level, two decimals. */
  meanDifference: z.number().nullable(),
  /** Enterprises whose self-diagnosed level is above the certified one, and their share (percent). */
  optimistic: countSchema,
  optimisticShare: z.number().nullable(),
});
const calibrationGroupSchema = calibrationFiguresSchema.extend({ code: z.string(), name: z.string(), enterprises: z.number().int() });

export const calibrationSchema = calibrationFiguresSchema.extend({
  /** Enterprises with both a valid self-diagnosis result and a valid certificate with a level. */
  enterprises: countSchema,
  /** Per LEVEL_DIFFERENCES: enterprises and share (percent). */
  distribution: z.array(z.object({ difference: z.number().int(), enterprises: countSchema, share: z.number().nullable() })),
  byIndustry: z.array(calibrationGroupSchema),
  byRegion: z.array(calibrationGroupSchema),
  suppressedGroups: z.number().int(),
});
export type Calibration = z.infer<typeof calibrationSchema>;
