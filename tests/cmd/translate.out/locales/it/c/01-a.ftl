a-title = Dosaggio

a-p1 = ⟦Gîvé 5 mg, šéé [thé léàflét](https://example.org/l.pdf) àñd `dose_mg`. ·······⟧

a-alerts =
    { $count ->
        [one] ⟦Yöü hàvé { $count } ñéw àlért. ·····⟧
       *[other] ⟦Yöü hàvé { $count } ñéw àlértš. ·····⟧
    }
