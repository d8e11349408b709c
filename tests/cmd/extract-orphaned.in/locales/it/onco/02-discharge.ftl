discharge-title = Dimissione
discharge-p1 = Dare al paziente il numero della linea oncologica attiva 24 ore su 24.
