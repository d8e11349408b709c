pain-relief-p5 = Chiedere al paziente di valutare il dolore.

pain-relief-title = Sollievo dal dolore
