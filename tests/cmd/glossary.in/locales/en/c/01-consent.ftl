consent-p1 = The nurse records the patient's informed consent.

consent-p2 = Records are exchanged as HL7 FHIR resources.

consent-p3 = Ask every patient before you start.
