dosing-title = Dosaggio

dosing-p1 = Somministrare ondansetron 0,15 mg/kg per via endovenosa, al massimo 80 mg per dose.

dosing-p2 =
    Seguire la [linea guida NICE](https://www.nice.org.uk/guidance/ng15) per la sepsi neutropenica.

dosing-p9 = Testo di un paragrafo eliminato.
