-- title = "Project durations"
-- subtitle = "Whole calendar months from start to end, in bins of six months"
-- chart = "histogram"
-- order = 60
-- x = "duration_months"
-- bin = 6
-- x_title = "Duration (months)"
-- y_title = "Projects"
-- # A title is never null: NULLS FIRST changes no row, but polars sorts
-- # by duration_months and compares titles only on ties. With every key NULLS
-- # LAST (the SQL default) it encodes each row in full to sort them. A
-- # million projects, within a run: 311 -> 215 MB.
SELECT title, duration_months
FROM projects
WHERE duration_months IS NOT NULL
ORDER BY duration_months, title NULLS FIRST
