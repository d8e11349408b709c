a-title = Dosaggio
