-- title = "Project durations"
-- subtitle = "Whole calendar months from start to end, in bins of six months"
-- chart = "histogram"
-- order = 60
-- x = "duration_months"
-- bin = 6
-- x_title = "Duration (months)"
-- y_title = "Projects"
SELECT title, duration_months
FROM projects
WHERE duration_months IS NOT NULL
ORDER BY duration_months, title
