### Greek translation of the DigiCanTrain sample course (hand-made for kurso's sample content).
### GDPR is written ΓΚΠΔ throughout; drug names in tables marked "Keep the drug names in English" are kept in Latin script, elsewhere Greek INN spelling.
### Partial: the first 36 of 72 messages (up to the teach-back figure); the rest falls back to en.

# 02-patient-portals-health-literacy.md:2 · front matter › title
meta-title = Πύλες ασθενών και γραμματισμός υγείας

# 02-patient-portals-health-literacy.md:3 · front matter › summary
meta-summary = Πώς να κάνετε τα μηνύματα της πύλης, τα αποτελέσματα και τις οδηγίες για τα φάρμακα κατανοητά και προσβάσιμα, και πώς να ελέγχετε την κατανόηση με τη μέθοδο teach-back.

# 02-patient-portals-health-literacy.md:6 · front matter › objectives › 1
meta-objectives-1 = Να περιγράφουν τι βλέπουν οι ασθενείς σε μια ογκολογική πύλη ασθενών και τους κινδύνους από αποτελέσματα που δημοσιοποιούνται χωρίς εξήγηση.

# 02-patient-portals-health-literacy.md:7 · front matter › objectives › 2
meta-objectives-2 = Να αναδιατυπώνουν κλινικές οδηγίες σε απλή γλώσσα χωρίς να αλλάζουν δόσεις ή όρια.

# 02-patient-portals-health-literacy.md:8 · front matter › objectives › 3
meta-objectives-3 = Να χρησιμοποιούν τη μέθοδο teach-back για να επιβεβαιώνουν την κατανόηση δια ζώσης, τηλεφωνικά ή μέσω βίντεο.

# 02-patient-portals-health-literacy.md:9 · front matter › objectives › 4
meta-objectives-4 = Να εφαρμόζουν στο περιεχόμενο της πύλης τις βασικές απαιτήσεις επιπέδου AA των WCAG 2.2.

# 02-patient-portals-health-literacy.md:12 · Patient portals and health literacy › What patients see in a portal
what-patients-see-in-a-portal-title = Τι βλέπουν οι ασθενείς σε μια πύλη

# 02-patient-portals-health-literacy.md:14 · Patient portals and health literacy › What patients see in a portal
what-patients-see-in-a-portal-p1 = Οι ογκολογικές πύλες εμφανίζουν συνήθως ραντεβού, αποτελέσματα αιματολογικών εξετάσεων, επιστολές, καταλόγους φαρμάκων και ερωτηματολόγια ePRO, και επιτρέπουν στους ασθενείς να στέλνουν μη επείγοντα μηνύματα. Οι ασθενείς εκτιμούν αυτή την πρόσβαση. Ο κανονισμός για τον Ευρωπαϊκό Χώρο Δεδομένων Υγείας, ο [κανονισμός (ΕΕ) 2025/327](https://eur-lex.europa.eu/eli/reg/2025/327/oj), ενισχύει το δικαίωμά τους σε άμεση, δωρεάν ηλεκτρονική πρόσβαση στα δεδομένα υγείας τους, με υποχρεώσεις που τίθενται σταδιακά σε εφαρμογή τα επόμενα χρόνια.

# 02-patient-portals-health-literacy.md:16 · Patient portals and health literacy › What patients see in a portal
what-patients-see-in-a-portal-p2 = Ωστόσο, η πρόσβαση χωρίς εξήγηση μπορεί να βλάψει. Ένας αριθμός ουδετερόφιλων 0,8 × 10⁹/L που δημοσιοποιείται στις 23:00 μπορεί να τρομάξει έναν ασθενή και να αγνοηθεί από κάποιον άλλο που δεν γνωρίζει ότι έχει σημασία. Συμφωνήστε σε τοπικό επίπεδο:

# 02-patient-portals-health-literacy.md:18 · Patient portals and health literacy › What patients see in a portal
what-patients-see-in-a-portal-li1 = ποια αποτελέσματα δημοσιοποιούνται αμέσως και ποια μετά από επισκόπηση από κλινικό ιατρό·

# 02-patient-portals-health-literacy.md:19 · Patient portals and health literacy › What patients see in a portal
what-patients-see-in-a-portal-li2 = ότι τα επείγοντα αποτελέσματα ανακοινώνονται πάντα τηλεφωνικά και δεν αφήνονται ποτέ μόνο στην πύλη·

# 02-patient-portals-health-literacy.md:20 · Patient portals and health literacy › What patients see in a portal
what-patients-see-in-a-portal-li3 = ποιος απαντά στα μηνύματα της πύλης και μέσα σε πόσες εργάσιμες ημέρες.

# 02-patient-portals-health-literacy.md:22 · Patient portals and health literacy › What patients see in a portal
what-patients-see-in-a-portal-p3 =
    Κάθε σελίδα της πύλης θα πρέπει να επαναλαμβάνει ένα μήνυμα ασφάλειας:\
    {"*"}*Η πύλη δεν προορίζεται για επείγοντα περιστατικά. Αν αισθάνεστε αδιαθεσία, τηλεφωνήστε στην 24ωρη γραμμή.**

# 02-patient-portals-health-literacy.md:25 · Patient portals and health literacy › Health literacy
health-literacy-title = Γραμματισμός υγείας

# 02-patient-portals-health-literacy.md:27 · Patient portals and health literacy › Health literacy
health-literacy-p1 = Ο [ΠΟΥ](https://www.who.int/) περιγράφει τον γραμματισμό υγείας ως την ικανότητα των ανθρώπων να έχουν πρόσβαση σε πληροφορίες υγείας, να τις κατανοούν, να τις αξιολογούν και να τις χρησιμοποιούν. Ευρωπαϊκές έρευνες δείχνουν ότι πολλοί ενήλικες δυσκολεύονται να χρησιμοποιήσουν πληροφορίες υγείας, ενώ το άγχος, η ασθένεια και τα φάρμακα μειώνουν την ικανότητα οποιουδήποτε. Να θεωρείτε ότι κάθε αναγνώστης είναι πολυάσχολος και ανήσυχος, όχι ότι δεν είναι ικανός να καταλάβει.

# 02-patient-portals-health-literacy.md:30 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules = Κανόνες απλής γλώσσας

# 02-patient-portals-health-literacy.md:32 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules-li1 = Βάλτε πρώτα την ενέργεια: τι πρέπει να κάνει ο ασθενής και μετά γιατί.

# 02-patient-portals-health-literacy.md:33 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules-li2 = Χρησιμοποιείτε σύντομες προτάσεις, κατά κανόνα κάτω από 20 λέξεις, και καθημερινές λέξεις.

# 02-patient-portals-health-literacy.md:34 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules-li3 = «Κάνω εμετό» αντί για «έμεση»· «νεφρά» αντί για «νεφρικός».

# 02-patient-portals-health-literacy.md:35 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules-li4 = Εξηγήστε έναν όρο που ο ασθενής θα συναντήσει και αλλού: «ουδετερόφιλα (λευκά αιμοσφαίρια που καταπολεμούν τις λοιμώξεις)».

# 02-patient-portals-health-literacy.md:36 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules-li5 = Διατηρείτε τους αριθμούς, τις μονάδες και τα όρια ακριβώς όπως έχουν συνταγογραφηθεί και γράφετέ τα με ψηφία.

# 02-patient-portals-health-literacy.md:37 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules-li6 = Χρησιμοποιείτε ενεργητική φωνή και απευθυνθείτε απευθείας στον ασθενή («εσείς»).

# 02-patient-portals-health-literacy.md:40 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-th1 = Κλινική διατύπωση

# 02-patient-portals-health-literacy.md:40 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-th2 = Εκδοχή σε απλή γλώσσα

# 02-patient-portals-health-literacy.md:42 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td1 = Ondansetron 8 mg PO BD PRN για ναυτία, max 5/7 μετά ΧΜΘ

# 02-patient-portals-health-literacy.md:42 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td2 = Πάρτε ένα δισκίο ondansetron των 8 mg έως δύο φορές την ημέρα, αν έχετε ναυτία. Μην το παίρνετε για περισσότερες από 5 ημέρες μετά τη χημειοθεραπεία.

# 02-patient-portals-health-literacy.md:43 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td3 = Dexamethasone 8 mg OD mane με φαγητό, ημέρες 2–3

# 02-patient-portals-health-literacy.md:43 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td4 = Τις ημέρες 2 και 3, πάρτε 8 mg dexamethasone το πρωί μαζί με φαγητό. Όταν το παίρνετε νωρίς μέσα στη μέρα, σας βοηθά να κοιμάστε το βράδυ.

# 02-patient-portals-health-literacy.md:44 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td5 = Πυρεξία ≥ 38,0 °C: επικοινωνία με AOS αμέσως

# 02-patient-portals-health-literacy.md:44 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td6 = Αν η θερμοκρασία σας είναι 38,0 °C ή υψηλότερη, τηλεφωνήστε αμέσως στην 24ωρη γραμμή, μέρα ή νύχτα.

# 02-patient-portals-health-literacy.md:45 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td7 = ANC 0,8 × 10⁹/L

# 02-patient-portals-health-literacy.md:45 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td8 = Τα ουδετερόφιλά σας είναι χαμηλά (0,8). Μπορεί να κολλήσετε λοιμώξεις πιο εύκολα, γι' αυτό να μετράτε τη θερμοκρασία σας αν αισθάνεστε αδιαθεσία.

# 02-patient-portals-health-literacy.md:47 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules-p1 = Η γραμμή της δεξαμεθαζόνης είναι μόνο παράδειγμα· τα αντιεμετικά σχήματα διαφέρουν. Ελέγχετε κάθε αναδιατύπωση σε σχέση με τη συνταγή και ζητήστε από ένα δεύτερο άτομο να ελέγξει τους αριθμούς.

# 02-patient-portals-health-literacy.md:49 · Patient portals and health literacy › Teach-back
teach-back-title = Η μέθοδος teach-back

# 02-patient-portals-health-literacy.md:51 · Patient portals and health literacy › Teach-back
teach-back-alt1 = Κυκλικό διάγραμμα με τέσσερα βήματα: εξηγήστε, ζητήστε από τον ασθενή να το εξηγήσει με τη σειρά του, διευκρινίστε και ελέγξτε ξανά

# 02-patient-portals-health-literacy.md:51 · Patient portals and health literacy › Teach-back
teach-back-img-title1 = Ο κύκλος teach-back
