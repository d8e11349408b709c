a-title = Consent

a-p1 = Ask before you record { $what }.

a-p2 = Record the answer.
