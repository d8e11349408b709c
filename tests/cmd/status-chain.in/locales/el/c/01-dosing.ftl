dosing-title = Δοσολογία
dosing-p1 = [Ĝîvé 0.15 mg/kg öf öñdàñšétröñ îñtràvéñöüšly. ~~~~~~~~~~~]
dosing-p2 = Ελέγχετε τον ρυθμό έγχυσης κάθε ώρα.
