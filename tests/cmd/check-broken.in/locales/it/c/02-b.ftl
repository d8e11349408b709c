a-title = Consenso
