-- title = "Stated budgets by region"
-- subtitle = "{projects_with_budget} of {projects_total} projects state a budget; a budget spanning several M49 regions is split equally among them"
-- chart = "bar"
-- order = 81
-- x = "region"
-- y = "usd_millions"
-- x_title = "M49 region"
-- y_title = "Stated budget, million US dollars"
-- # A project's stated budget is the largest amount it states as its
-- # budget or a donor's contribution, in US dollars at the annual average
-- # rate of its start year (`project_budgets.amount_usd`): a total is never
-- # smaller than a share, and a budget printed twice counts once. Amounts
-- # spent, and amounts with no currency or rate, are left out.
-- # A project naming no region counts under "Not stated".
WITH stated AS (
  SELECT project_id, MAX(amount_usd) AS usd
  FROM project_budgets
  WHERE kind IN ('budget', 'contribution') AND amount_usd IS NOT NULL
  GROUP BY project_id
), shares AS (
  SELECT p.regions,
         s.usd / CASE WHEN ARRAY_LENGTH(p.regions) > 0 THEN ARRAY_LENGTH(p.regions) ELSE 1 END AS usd
  FROM stated s JOIN projects p ON p.id = s.project_id
), with_budget AS (
  SELECT COUNT(*) AS projects_with_budget FROM stated
), total AS (
  SELECT COUNT(*) AS projects_total FROM projects
), by_region AS (
  SELECT COALESCE(region, 'Not stated') AS region,
         ROUND(SUM(usd) / 1000000.0, 3) AS usd_millions
  FROM shares CROSS JOIN UNNEST(regions) AS r(region)
  GROUP BY COALESCE(region, 'Not stated')
)
SELECT region, usd_millions, projects_with_budget, projects_total
FROM by_region CROSS JOIN with_budget CROSS JOIN total
ORDER BY usd_millions DESC, region
