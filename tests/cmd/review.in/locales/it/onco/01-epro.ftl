meta-title = Monitoraggio remoto dei sintomi
fever-title = Febbre
fever-p1 = Chiamare il paziente se la temperatura è **39,0 °C** o superiore.
fever-li1 = Controllare la conta dei neutrofili
fever-li2 = Somministrare paracetamolo 1 g
fever-alt1 = Flusso degli allarmi
