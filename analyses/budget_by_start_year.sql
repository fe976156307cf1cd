-- title = "Stated budgets by start year"
-- subtitle = "{projects_with_budget} of {projects_total} projects state a budget; each counts whole in the year it starts"
-- chart = "bar"
-- order = 82
-- x = "year"
-- y = "usd_millions"
-- x_title = "Start year"
-- y_title = "Stated budget, million US dollars"
-- # A project's stated budget is `projects.budget_usd`: the largest
-- # amount it states as its budget or a donor's contribution, in US
-- # dollars at the annual average rate of its start year. A total is never
-- # smaller than a share, and a budget printed twice counts once. Amounts
-- # spent, and amounts with no currency or rate, are left out;
-- # `project_budgets` holds every amount with its sentence.
-- # A converted budget always has a start year: its rate is that year's.
WITH stated AS (
  SELECT CAST(EXTRACT(YEAR FROM start) AS BIGINT) AS year, budget_usd AS usd
  FROM projects
  WHERE budget_usd IS NOT NULL
), with_budget AS (
  SELECT COUNT(*) AS projects_with_budget FROM stated
), total AS (
  SELECT COUNT(*) AS projects_total FROM projects
), by_year AS (
  SELECT year, ROUND(SUM(usd) / 1000000.0, 3) AS usd_millions
  FROM stated
  GROUP BY year
)
SELECT year, usd_millions, projects_with_budget, projects_total
FROM by_year CROSS JOIN with_budget CROSS JOIN total
ORDER BY year
