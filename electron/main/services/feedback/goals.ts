/**
 * The agreement's goals, for the evaluation's goal items (one scale item per goal). The agreement
 * feature owns them; feedback only reads them, and snapshots each goal's text into its item.
 */
export { listAgreementGoals as agreementGoals } from '../agreement/goals';
