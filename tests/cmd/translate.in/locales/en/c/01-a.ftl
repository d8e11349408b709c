a-title = Dosing

a-p1 = Give 5 mg, see [the leaflet](https://example.org/l.pdf) and `dose_mg`.

a-alerts =
    { $count ->
        [one] You have { $count } new alert.
       *[other] You have { $count } new alerts.
    }
