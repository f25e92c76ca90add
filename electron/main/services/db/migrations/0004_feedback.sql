-- Reserved for feedback rounds, self-check and final evaluation (issue: feedback).
-- Filled in by that feature before its first release; until then it changes nothing.
SELECT 1;
