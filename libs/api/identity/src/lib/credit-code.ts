// The rule lives with the wire contract, so the web form and the api check the same way.
export {
  CREDIT_CODE_PATTERN,
  creditCodeCheckCharacter,
  isValidCreditCode,
  withCheckCharacter,
} from '@kepai/contracts';
