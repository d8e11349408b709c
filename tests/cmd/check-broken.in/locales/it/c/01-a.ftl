a-title = Consenso

a-p1 = Chiedere prima di registrare { $what.

a-p2 = Registrare la risposta.
