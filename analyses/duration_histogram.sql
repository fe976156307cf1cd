-- title = "Project durations"
-- subtitle = "Whole calendar months from start to end, in bins of six months"
-- chart = "histogram"
-- order = 60
-- x = "duration_months"
-- count = "projects"
-- bin = 6
-- x_title = "Duration (months)"
-- y_title = "Projects"
-- # A row per duration with how many projects last it, not a row per
-- # project: the chart bins the counts, and the table stays a few hundred
-- # rows for any number of projects (`projects` lists each one's).
SELECT duration_months, COUNT(*) AS projects
FROM projects
WHERE duration_months IS NOT NULL
GROUP BY duration_months
ORDER BY duration_months
