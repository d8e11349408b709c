consent-p1 = Sairaanhoitaja kirjaa, että potilaan informoitu suostumus on annettu.

consent-p2 = Tiedot vaihdetaan HL7 Fhir -resursseina.

consent-p3 = Kysy jokaiselta potilaalta ennen kuin aloitat.
