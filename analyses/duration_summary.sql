-- title = "Project durations in months: summary"
-- chart = "none"
-- order = 65
SELECT COUNT(duration_months) AS projects,
       MIN(duration_months) AS min_months,
       MEDIAN(duration_months) AS median_months,
       ROUND(AVG(duration_months), 1) AS mean_months,
       MAX(duration_months) AS max_months
FROM projects
WHERE duration_months IS NOT NULL
