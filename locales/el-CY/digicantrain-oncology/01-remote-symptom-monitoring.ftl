### Cypriot Greek overrides of the Greek (el) translation of the DigiCanTrain sample course (hand-made for kurso's sample content).
### Only messages where usage in Cyprus differs from Greece; everything else falls back to el, then en.

# 01-remote-symptom-monitoring.md:14 · Remote symptom monitoring during chemotherapy › Why monitor symptoms remotely
# Cyprus: hospital emergency departments are named "Τμήμα Ατυχημάτων και Επειγόντων Περιστατικών (ΤΑΕΠ)"
# (e.g. in the public hospitals run by ΟΚΥπΥ within ΓεΣΥ); Greece says "Τμήμα Επειγόντων Περιστατικών (ΤΕΠ)".
why-monitor-symptoms-remotely-p1 = Η περισσότερη τοξικότητα της χημειοθεραπείας εκδηλώνεται στο σπίτι, μεταξύ των επισκέψεων. Σε πολλά σχήματα ο αριθμός των ουδετερόφιλων φτάνει στο κατώτατο σημείο 7–14 ημέρες μετά τη θεραπεία, ακριβώς όταν οι ασθενείς εξετάζονται λιγότερο συχνά. Τυχαιοποιημένες δοκιμές τακτικής αναφοράς ePRO με αυτόματες ειδοποιήσεις προς τους νοσηλευτές έδειξαν λιγότερες επισκέψεις στα Τμήματα Ατυχημάτων και Επειγόντων Περιστατικών (ΤΑΕΠ) και καλύτερη ποιότητα ζωής, ενώ μία δοκιμή ανέφερε επίσης μεγαλύτερη συνολική επιβίωση. Η ESMO έχει δημοσιεύσει κατευθυντήρια οδηγία κλινικής πρακτικής για τη χρήση των μέτρων εκβάσεων που αναφέρονται από τους ασθενείς στη συνήθη ογκολογική φροντίδα· δείτε τη [βιβλιοθήκη κατευθυντήριων οδηγιών της ESMO](https://www.esmo.org/guidelines).

# 01-remote-symptom-monitoring.md:28 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
# Cyprus: nurses in the public services hold the title "νοσηλευτικός λειτουργός"; it is the usual wording in
# Cypriot hospital documents, where Greece writes "νοσηλευτής". Same role, no change of meaning.
how-an-epro-pathway-works-li6 =
    Ένας ονομαστικά ορισμένος νοσηλευτικός λειτουργός εξετάζει τις ειδοποιήσεις εντός των χρόνων απόκρισης που έχει συμφωνήσει η υπηρεσία
    και καταγράφει την κλήση και την ενέργεια στον ηλεκτρονικό φάκελο υγείας.

# 01-remote-symptom-monitoring.md:31 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
# Cyprus: "νοσηλευτικός λειτουργός" instead of "νοσηλευτής" (see the comment above).
how-an-epro-pathway-works-p1 =
    Οι ειδοποιήσεις πηγαίνουν στον εφημερεύοντα νοσηλευτικό λειτουργό οξείας ογκολογίας, ο οποίος τηλεφωνεί στον ασθενή.
    {"*"}Ο θεράπων ογκολόγος ενημερώνεται* όταν η κλήση επιβεβαιώνει συμβάν βαθμού 3 ή υψηλότερου ή πιθανή ουδετεροπενική σήψη.

# 01-remote-symptom-monitoring.md:63 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
# Cyprus: under ΓεΣΥ (administered by the ΟΑΥ) and in ΟΚΥπΥ usage, hospitals providing care are called "νοσηλευτήρια",
# so "your local triage tool" is rendered "the triage tool of your νοσηλευτήριο"; Greece keeps "το τοπικό σας εργαλείο διαλογής".
red-alerts-act-now-p2 = Η πιθανολογούμενη ουδετεροπενική σήψη είναι επείγουσα ιατρική κατάσταση: οι κατευθυντήριες οδηγίες του [NICE](https://www.nice.org.uk/guidance/cg151) και της ESMO συνιστούν εμπειρική ενδοφλέβια αντιβιοτική αγωγή χωρίς καθυστέρηση, εντός μίας ώρας από την άφιξη, και χωρίς αναμονή για τον αριθμό των ουδετερόφιλων. Ορισμένες υπηρεσίες χρησιμοποιούν χαμηλότερα όρια θερμοκρασίας· ακολουθήστε το εργαλείο διαλογής του νοσηλευτηρίου σας.
