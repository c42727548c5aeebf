// The choices of the 调查问卷: the contract's zod-free module, so zod stays out of the bundle.
export * from '@cmmm/contract/self-diagnosis-options';
