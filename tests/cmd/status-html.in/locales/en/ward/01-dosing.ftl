dosing-title = Dosing
dosing-p1 = Give a dose of 0.15 mg/kg of ondansetron intravenously.
dosing-p2 = Check the infusion rate every hour.
dosing-p3 = Call the pharmacist if in doubt.
dosing-p4 = Record every dose given.
