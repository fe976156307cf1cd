-- title = "Stated budgets: headline figures"
-- chart = "figures"
-- order = 83
-- # A project's stated budget is `projects.budget_usd`: the largest
-- # amount it states as its budget or a donor's contribution, in US
-- # dollars at the annual average rate of its start year. A total is never
-- # smaller than a share, and a budget printed twice counts once. Amounts
-- # spent, and amounts with no currency or rate, are left out;
-- # `project_budgets` holds every amount with its sentence.
-- # One row, shown at the top of the report: the total in US dollars, the
-- # projects that state a budget (converted), and their share in per cent.
WITH money AS (
  SELECT COALESCE(SUM(budget_usd), 0.0) AS total_usd, COUNT(budget_usd) AS projects_with_budget
  FROM projects
), total AS (
  SELECT COUNT(*) AS projects_total FROM projects
)
SELECT ROUND(total_usd, 0) AS "stated budgets (USD)",
       projects_with_budget AS "state a budget",
       ROUND(100.0 * projects_with_budget / CASE WHEN projects_total > 0 THEN projects_total ELSE 1 END, 1) AS "% state a budget"
FROM money CROSS JOIN total
