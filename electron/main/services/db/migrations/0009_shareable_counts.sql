-- The feedback views of 0006 give the same rows, computed faster: each reads first the answers it
-- shows (scores, choices, approved wordings) and then counts, for those questions only, whether at
-- least 3 answered in a session the facilitator has ended. 0006 counted every question of every
-- session first, three times per summary (about 70 ms at 999 meetings). The rule is the same as
-- `shareable_answer_count`'s (kept as it is): every answer to the question counts, of a closed
-- session, at least 3 (MIN_ANSWERS_TO_REPORT). test/services/shareable-views.test.ts compares the
-- rows with the 0006 definitions.
DROP VIEW shareable_score_count;
DROP VIEW shareable_choice_count;
DROP VIEW shareable_quote;

-- Scores are most answers: one pass counts every (session, question, score), a window adds up each
-- question's answers of any kind, and only then are the scores kept.
CREATE VIEW shareable_score_count AS
  SELECT survey_id, question_id, score, answers FROM (
    SELECT r.survey_id, a.question_id, a.score, count(*) AS answers,
      sum(count(*)) OVER (PARTITION BY r.survey_id, a.question_id) AS answered
    FROM feedback_survey s JOIN feedback_response r ON r.survey_id = s.id JOIN feedback_answer a ON a.response_id = r.id
    WHERE s.status = 'closed'
    GROUP BY r.survey_id, a.question_id, a.score
  ) WHERE answered >= 3 AND score IS NOT NULL;

-- Choices and approved wordings are few: those answers are found first, and only their questions counted.
CREATE VIEW shareable_choice_count AS
  SELECT r.survey_id, a.question_id, a.choice, count(*) AS answers
  FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
  WHERE a.choice IS NOT NULL
  GROUP BY r.survey_id, a.question_id, a.choice
  HAVING (SELECT count(*) FROM feedback_survey s JOIN feedback_response r2 ON r2.survey_id = s.id
          JOIN feedback_answer a2 ON a2.response_id = r2.id
          WHERE s.id = r.survey_id AND s.status = 'closed' AND a2.question_id = a.question_id) >= 3;

-- The facilitator's approved wording only, never the answer itself.
CREATE VIEW shareable_quote AS
  SELECT r.survey_id, a.question_id, a.shared_text AS text
  FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
  WHERE a.shared_text IS NOT NULL
    AND (SELECT count(*) FROM feedback_survey s JOIN feedback_response r2 ON r2.survey_id = s.id
         JOIN feedback_answer a2 ON a2.response_id = r2.id
         WHERE s.id = r.survey_id AND s.status = 'closed' AND a2.question_id = a.question_id) >= 3;
