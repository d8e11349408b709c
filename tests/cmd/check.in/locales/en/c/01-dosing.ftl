### Source messages of courses/c/01-dosing.md, written by kurso extract.

# 01-dosing.md:3 · Dosing
dosing-title = Dosing

# 01-dosing.md:5 · Dosing
dosing-p1 = Give 0.15 mg/kg of ondansetron intravenously, at most 8 mg per dose.

# 01-dosing.md:7 · Dosing
dosing-p2 = Follow the [NICE guideline](https://www.nice.org.uk/guidance/ng151) for neutropenic sepsis.

# 01-dosing.md:9 · Dosing
dosing-p3 = Check the patient's temperature every hour.
