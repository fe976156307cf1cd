-- title = "Stated budgets by region"
-- subtitle = "{projects_with_budget} of {projects_total} projects state a budget; a budget spanning several M49 regions is split equally among them"
-- chart = "bar"
-- order = 81
-- x = "region"
-- y = "usd_millions"
-- x_title = "M49 region"
-- y_title = "Stated budget, million US dollars"
-- # A project's stated budget is `projects.budget_usd`: the largest
-- # amount it states as its budget or a donor's contribution, in US
-- # dollars at the annual average rate of its start year. A total is never
-- # smaller than a share, and a budget printed twice counts once. Amounts
-- # spent, and amounts with no currency or rate, are left out;
-- # `project_budgets` holds every amount with its sentence.
-- # A project naming no region counts under "Not stated".
WITH stated AS (
  SELECT regions,
         budget_usd / CASE WHEN ARRAY_LENGTH(regions) > 0 THEN ARRAY_LENGTH(regions) ELSE 1 END AS usd
  FROM projects
  WHERE budget_usd IS NOT NULL
), with_budget AS (
  SELECT COUNT(*) AS projects_with_budget FROM stated
), total AS (
  SELECT COUNT(*) AS projects_total FROM projects
), by_region AS (
  SELECT COALESCE(region, 'Not stated') AS region,
         ROUND(SUM(usd) / 1000000.0, 3) AS usd_millions
  FROM stated CROSS JOIN UNNEST(regions) AS r(region)
  GROUP BY COALESCE(region, 'Not stated')
)
SELECT region, usd_millions, projects_with_budget, projects_total
FROM by_region CROSS JOIN with_budget CROSS JOIN total
ORDER BY usd_millions DESC, region
