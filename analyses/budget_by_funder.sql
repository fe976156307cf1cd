-- title = "Stated budgets by funding source"
-- subtitle = "{projects_with_budget} of {projects_total} projects state a budget; a budget with several funders is split equally among them"
-- chart = "hbar"
-- order = 80
-- x = "funder"
-- y = "usd_millions"
-- x_title = "Funding source (donor code)"
-- y_title = "Stated budget, million US dollars"
-- # A project's stated budget is `projects.budget_usd`: the largest
-- # amount it states as its budget or a donor's contribution, in US
-- # dollars at the annual average rate of its start year. A total is never
-- # smaller than a share, and a budget printed twice counts once. Amounts
-- # spent, and amounts with no currency or rate, are left out;
-- # `project_budgets` holds every amount with its sentence.
-- # A project naming no funder counts under "Not stated" (UNNEST gives
-- # NULL for an empty list).
WITH stated AS (
  SELECT funders,
         budget_usd / CASE WHEN ARRAY_LENGTH(funders) > 0 THEN ARRAY_LENGTH(funders) ELSE 1 END AS usd
  FROM projects
  WHERE budget_usd IS NOT NULL
), with_budget AS (
  SELECT COUNT(*) AS projects_with_budget FROM stated
), total AS (
  SELECT COUNT(*) AS projects_total FROM projects
), by_funder AS (
  SELECT COALESCE(funder, 'Not stated') AS funder,
         ROUND(SUM(usd) / 1000000.0, 3) AS usd_millions
  FROM stated CROSS JOIN UNNEST(funders) AS f(funder)
  GROUP BY COALESCE(funder, 'Not stated')
)
SELECT funder, usd_millions, projects_with_budget, projects_total
FROM by_funder CROSS JOIN with_budget CROSS JOIN total
ORDER BY usd_millions DESC, funder
