### Greek translation of the DigiCanTrain sample course (hand-made for kurso's sample content).
### GDPR is written ΓΚΠΔ throughout; drug names in tables marked "Keep the drug names in English" are kept in Latin script, elsewhere Greek INN spelling.

# 01-remote-symptom-monitoring.md:2 · front matter › title
meta-title = Απομακρυσμένη παρακολούθηση συμπτωμάτων κατά τη χημειοθεραπεία

# 01-remote-symptom-monitoring.md:3 · front matter › summary
meta-summary = Πώς να χρησιμοποιείτε τις ηλεκτρονικές εκβάσεις που αναφέρονται από τους ασθενείς (ePRO) για να εντοπίζετε, να διαβαθμίζετε και να αντιμετωπίζετε την τοξικότητα της θεραπείας μεταξύ των επισκέψεων.

# 01-remote-symptom-monitoring.md:6 · front matter › objectives › 1
meta-objectives-1 = Να εξηγούν πώς η παρακολούθηση μέσω ePRO βοηθά στον εντοπισμό της τοξικότητας μεταξύ των κύκλων χημειοθεραπείας.

# 01-remote-symptom-monitoring.md:7 · front matter › objectives › 2
meta-objectives-2 = Να διαβαθμίζουν συχνές τοξικότητες με τα CTCAE v5.0 βάσει των αναφορών των ασθενών και των αιματολογικών εξετάσεων.

# 01-remote-symptom-monitoring.md:8 · front matter › objectives › 3
meta-objectives-3 = Να εφαρμόζουν όρια ειδοποίησης, συμπεριλαμβανομένης θερμοκρασίας 38,0 °C ή υψηλότερης σε ασθενή με κίνδυνο ουδετεροπενίας.

# 01-remote-symptom-monitoring.md:9 · front matter › objectives › 4
meta-objectives-4 = Να παρέχουν ασφαλείς συμβουλές πρώτης γραμμής για αντιεμετικά και αντιδιαρροϊκά στο πλαίσιο των τοπικών πρωτοκόλλων.

# 01-remote-symptom-monitoring.md:12 · Remote symptom monitoring during chemotherapy › Why monitor symptoms remotely
why-monitor-symptoms-remotely-title = Γιατί παρακολουθούμε τα συμπτώματα εξ αποστάσεως

# 01-remote-symptom-monitoring.md:14 · Remote symptom monitoring during chemotherapy › Why monitor symptoms remotely
why-monitor-symptoms-remotely-p1 = Η περισσότερη τοξικότητα της χημειοθεραπείας εκδηλώνεται στο σπίτι, μεταξύ των επισκέψεων. Σε πολλά σχήματα ο αριθμός των ουδετερόφιλων φτάνει στο κατώτατο σημείο 7–14 ημέρες μετά τη θεραπεία, ακριβώς όταν οι ασθενείς εξετάζονται λιγότερο συχνά. Τυχαιοποιημένες δοκιμές τακτικής αναφοράς ePRO με αυτόματες ειδοποιήσεις προς τους νοσηλευτές έδειξαν λιγότερες επισκέψεις στα Τμήματα Επειγόντων Περιστατικών (ΤΕΠ) και καλύτερη ποιότητα ζωής, ενώ μία δοκιμή ανέφερε επίσης μεγαλύτερη συνολική επιβίωση. Η ESMO έχει δημοσιεύσει κατευθυντήρια οδηγία κλινικής πρακτικής για τη χρήση των μέτρων εκβάσεων που αναφέρονται από τους ασθενείς στη συνήθη ογκολογική φροντίδα· δείτε τη [βιβλιοθήκη κατευθυντήριων οδηγιών της ESMO](https://www.esmo.org/guidelines).

# 01-remote-symptom-monitoring.md:16 · Remote symptom monitoring during chemotherapy › Why monitor symptoms remotely
why-monitor-symptoms-remotely-p2 = Τα συστήματα ePRO δεν αντικαθιστούν την 24ωρη τηλεφωνική γραμμή. Οι ασθενείς πρέπει και πάλι να τηλεφωνούν αμέσως αν αισθάνονται αδιαθεσία, ανεξάρτητα από το πρόγραμμα των ερωτηματολογίων.

# 01-remote-symptom-monitoring.md:18 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-title = Πώς λειτουργεί μια διαδρομή ePRO

# 01-remote-symptom-monitoring.md:20 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-alt1 = Διάγραμμα ροής: ο ασθενής συμπληρώνει ένα ερωτηματολόγιο, το σύστημα το βαθμολογεί, τα πράσινα αποτελέσματα πηγαίνουν για τακτική επισκόπηση και οι πορτοκαλί ή κόκκινες ειδοποιήσεις πηγαίνουν σε νοσηλευτή που τηλεφωνεί στον ασθενή

# 01-remote-symptom-monitoring.md:20 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-img-title1 = Διαδρομή ειδοποιήσεων ePRO

# 01-remote-symptom-monitoring.md:22 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-li1 = Πριν από τον κύκλο 1, ο νοσηλευτής εντάσσει τον ασθενή στο πρόγραμμα.

# 01-remote-symptom-monitoring.md:23 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-li2 = Ελέγξτε ότι ο ασθενής μπορεί να χρησιμοποιεί την εφαρμογή ή τη διαδικτυακή φόρμα, διαφορετικά προσφέρετε αναφορά μέσω τηλεφώνου.

# 01-remote-symptom-monitoring.md:24 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-li3 = Συμφωνήστε το πρόγραμμα, για παράδειγμα καθημερινά τις πρώτες 14 ημέρες κάθε κύκλου και στη συνέχεια εβδομαδιαία.

# 01-remote-symptom-monitoring.md:25 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-li4 =
    Ο ασθενής απαντά σε σύντομες ερωτήσεις για τα συμπτώματα, συχνά βασισμένες σε στοιχεία του PRO-CTCAE,
    και καταχωρίζει τη θερμοκρασία του κάθε φορά που αισθάνεται ζέστη, κρύο ή ρίγη.

# 01-remote-symptom-monitoring.md:27 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-li5 = Το σύστημα βαθμολογεί κάθε απάντηση και εκδίδει πράσινες, πορτοκαλί ή κόκκινες ειδοποιήσεις.

# 01-remote-symptom-monitoring.md:28 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-li6 =
    Ένας ονομαστικά ορισμένος νοσηλευτής εξετάζει τις ειδοποιήσεις εντός των χρόνων απόκρισης που έχει συμφωνήσει η υπηρεσία
    και καταγράφει την κλήση και την ενέργεια στον ηλεκτρονικό φάκελο υγείας.

# 01-remote-symptom-monitoring.md:31 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-p1 =
    Οι ειδοποιήσεις πηγαίνουν στον εφημερεύοντα νοσηλευτή οξείας ογκολογίας, ο οποίος τηλεφωνεί στον ασθενή.
    {"*"}Ο θεράπων ογκολόγος ενημερώνεται* όταν η κλήση επιβεβαιώνει συμβάν βαθμού 3 ή υψηλότερου ή πιθανή ουδετεροπενική σήψη.

# 01-remote-symptom-monitoring.md:34 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-title = Διαβάθμιση της τοξικότητας με τα CTCAE v5.0

# 01-remote-symptom-monitoring.md:36 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-p1 = Τα Κοινά Κριτήρια Ορολογίας για Ανεπιθύμητα Συμβάντα (Common Terminology Criteria for Adverse Events, CTCAE) διαβαθμίζουν την τοξικότητα από 1 (ήπια) έως 5 (θάνατος σχετιζόμενος με το ανεπιθύμητο συμβάν). Ο πίνακας παρουσιάζει επιλεγμένους όρους.

# 01-remote-symptom-monitoring.md:38 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-th1 = Ανεπιθύμητο συμβάν

# 01-remote-symptom-monitoring.md:38 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-th2 = Βαθμός 1

# 01-remote-symptom-monitoring.md:38 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-th3 = Βαθμός 2

# 01-remote-symptom-monitoring.md:38 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-th4 = Βαθμός 3

# 01-remote-symptom-monitoring.md:38 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-th5 = Βαθμός 4

# 01-remote-symptom-monitoring.md:40 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td1 = Μειωμένος αριθμός ουδετερόφιλων (× 10⁹/L)

# 01-remote-symptom-monitoring.md:40 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td2 = < LLN έως 1,5

# 01-remote-symptom-monitoring.md:40 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td3 = < 1,5 έως 1,0

# 01-remote-symptom-monitoring.md:40 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td4 = < 1,0 έως 0,5

# 01-remote-symptom-monitoring.md:41 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td5 = Μειωμένος αριθμός αιμοπεταλίων (× 10⁹/L)

# 01-remote-symptom-monitoring.md:41 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td6 = < LLN έως 75,0

# 01-remote-symptom-monitoring.md:41 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td7 = < 75,0 έως 50,0

# 01-remote-symptom-monitoring.md:41 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td8 = < 50,0 έως 25,0

# 01-remote-symptom-monitoring.md:42 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td9 = Πυρετός

# 01-remote-symptom-monitoring.md:42 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td10 = 38,0 έως 39,0 °C

# 01-remote-symptom-monitoring.md:42 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td11 = > 39,0 έως 40,0 °C

# 01-remote-symptom-monitoring.md:42 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td12 = > 40,0 °C για 24 ώρες ή λιγότερο

# 01-remote-symptom-monitoring.md:42 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td13 = > 40,0 °C για περισσότερες από 24 ώρες

# 01-remote-symptom-monitoring.md:43 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td14 = Διάρροια (κενώσεις ημερησίως πάνω από τα αρχικά επίπεδα)

# 01-remote-symptom-monitoring.md:43 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td15 = Λιγότερες από 4

# 01-remote-symptom-monitoring.md:43 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td16 = 4 έως 6· περιορισμός των εργαλειακών δραστηριοτήτων της καθημερινής ζωής

# 01-remote-symptom-monitoring.md:43 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td17 = 7 ή περισσότερες· ενδείκνυται νοσηλεία· περιορισμός της αυτοεξυπηρέτησης

# 01-remote-symptom-monitoring.md:43 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td18 = Απειλητική για τη ζωή· ενδείκνυται επείγουσα παρέμβαση

# 01-remote-symptom-monitoring.md:44 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td19 = Στοματική βλεννογονίτιδα

# 01-remote-symptom-monitoring.md:44 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td20 = Χωρίς συμπτώματα ή με ήπια συμπτώματα

# 01-remote-symptom-monitoring.md:44 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td21 = Μέτριος πόνος ή έλκος· ενδείκνυται τροποποιημένη δίαιτα

# 01-remote-symptom-monitoring.md:44 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td22 = Σοβαρός πόνος που επηρεάζει τη λήψη τροφής από το στόμα

# 01-remote-symptom-monitoring.md:44 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td23 = Απειλητική για τη ζωή· ενδείκνυται επείγουσα παρέμβαση

# 01-remote-symptom-monitoring.md:46 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-p2 = Το LLN είναι το κατώτερο φυσιολογικό όριο του εργαστηρίου σας. Η *εμπύρετη ουδετεροπενία* είναι ξεχωριστός όρος των CTCAE (βαθμός 3 ή υψηλότερος): αριθμός ουδετερόφιλων κάτω από 1,0 × 10⁹/L με μεμονωμένη μέτρηση θερμοκρασίας πάνω από 38,3 °C ή με επίμονη θερμοκρασία 38,0 °C ή υψηλότερη για περισσότερο από μία ώρα.

# 01-remote-symptom-monitoring.md:51 · Remote symptom monitoring during chemotherapy › Alert thresholds and response
alert-thresholds-and-response-title = Όρια ειδοποίησης και αντιμετώπιση

# 01-remote-symptom-monitoring.md:54 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
fever-alert-threshold = Κόκκινες ειδοποιήσεις: άμεση ενέργεια

# 01-remote-symptom-monitoring.md:56 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
red-alerts-act-now-p1 = Ασθενής που έχει λάβει συστηματική αντινεοπλασματική θεραπεία τις τελευταίες εβδομάδες και αναφέρει **οποιοδήποτε** από τα παρακάτω μπορεί να έχει ουδετεροπενική σήψη. Τηλεφωνήστε του αμέσως και οργανώστε επείγουσα αξιολόγηση με φυσική παρουσία· μην περιμένετε τη γενική αίματος.

# 01-remote-symptom-monitoring.md:58 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
red-alerts-act-now-li1 = Θερμοκρασία 38,0 °C ή υψηλότερη, ή κάτω από 36,0 °C.

# 01-remote-symptom-monitoring.md:59 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
red-alerts-act-now-li2 = Τρεμούλιασμα, ρίγη ή αίσθημα γενικής κακουχίας, ακόμη και με φυσιολογική θερμοκρασία.

# 01-remote-symptom-monitoring.md:60 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
red-alerts-act-now-li3 = Επτά ή περισσότερες κενώσεις ημερησίως πάνω από τα αρχικά επίπεδα, ή αδυναμία λήψης υγρών χωρίς έμετο για 24 ώρες.

# 01-remote-symptom-monitoring.md:61 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
red-alerts-act-now-li4 = Νέα δύσπνοια, θωρακικό άλγος ή σύγχυση.

# 01-remote-symptom-monitoring.md:63 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
red-alerts-act-now-p2 = Η πιθανολογούμενη ουδετεροπενική σήψη είναι επείγουσα ιατρική κατάσταση: οι κατευθυντήριες οδηγίες του [NICE](https://www.nice.org.uk/guidance/cg151) και της ESMO συνιστούν εμπειρική ενδοφλέβια αντιβιοτική αγωγή χωρίς καθυστέρηση, εντός μίας ώρας από την άφιξη, και χωρίς αναμονή για τον αριθμό των ουδετερόφιλων. Ορισμένες υπηρεσίες χρησιμοποιούν χαμηλότερα όρια θερμοκρασίας· ακολουθήστε το τοπικό σας εργαλείο διαλογής.

# 01-remote-symptom-monitoring.md:65 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
red-alerts-act-now-q1 =
    {"*"}*Θερμοκρασία 38,0 °C ή υψηλότερη, ή κάτω από 36,0 °C;**\
    Τηλεφωνήστε τώρα στην 24ωρη γραμμή, μέρα ή νύχτα. Μην περιμένετε μέχρι το πρωί και μην πάρετε παρακεταμόλη για να ρίξετε πρώτα τη θερμοκρασία.

# 01-remote-symptom-monitoring.md:68 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-title = Πορτοκαλί ειδοποιήσεις: την ίδια ημέρα

# 01-remote-symptom-monitoring.md:70 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-li1 = Διάρροια 4–6 κενώσεων ημερησίως πάνω από τα αρχικά επίπεδα, ή ναυτία που μειώνει τη λήψη τροφής και υγρών παρά τα αντιεμετικά.

# 01-remote-symptom-monitoring.md:71 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-li2 =
    Οποιαδήποτε νέα διάρροια σε ασθενή που λαμβάνει αναστολέα ανοσολογικών σημείων ελέγχου: μπορεί να πρόκειται για ανοσοσχετιζόμενη κολίτιδα,
    γι' αυτό η ομάδα πρέπει να αξιολογήσει τον ασθενή πριν συσταθεί λοπεραμίδη.

# 01-remote-symptom-monitoring.md:73 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-li3 = Έλκη στο στόμα που κάνουν το φαγητό επώδυνο.

# 01-remote-symptom-monitoring.md:76 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-p3 = Ποιος απαντά σε μια ειδοποίηση, και πόσο γρήγορα

# 01-remote-symptom-monitoring.md:77 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-th1 = Ειδοποίηση

# 01-remote-symptom-monitoring.md:77 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-th2 = Ποιος απαντά

# 01-remote-symptom-monitoring.md:77 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-th3 = Πόσο γρήγορα

# 01-remote-symptom-monitoring.md:78 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td1 = Κόκκινη

# 01-remote-symptom-monitoring.md:78 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td2 = Νοσηλευτής ογκολογίας της 24ωρης τηλεφωνικής γραμμής

# 01-remote-symptom-monitoring.md:78 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td3 = Αμέσως, μέρα ή νύχτα

# 01-remote-symptom-monitoring.md:79 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td4 = Πορτοκαλί

# 01-remote-symptom-monitoring.md:79 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td5 = Νοσηλευτής της θεράπουσας ομάδας

# 01-remote-symptom-monitoring.md:79 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td6 = Την ίδια ημέρα

# 01-remote-symptom-monitoring.md:80 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td7 = Πράσινη

# 01-remote-symptom-monitoring.md:80 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td8 = Τακτική ανασκόπηση

# 01-remote-symptom-monitoring.md:80 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td9 = Στην επόμενη προγραμματισμένη επαφή

# 01-remote-symptom-monitoring.md:75 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-p1 = Η εξαγωγή δεδομένων ePRO ενός ασθενούς δείχνει πώς εμφανίζεται μια κόκκινη ειδοποίηση στα δεδομένα· η στήλη `alert` υπολογίζεται από τη στήλη `temperature_c` και τις βαθμολογίες των συμπτωμάτων:

# 01-remote-symptom-monitoring.md:84 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-p2 = Η ειδοποίηση που αποστέλλεται στο υπηρεσιακό τηλέφωνο του νοσηλευτή χρησιμοποιεί σταθερό πρότυπο: «Ειδοποίηση ePRO για {"{"}patient_id{"}"}: θερμοκρασία {"{"}temperature{"}"} °C, αναφορά στις {"{"}time{"}"}. Τηλεφωνήστε τώρα στον ασθενή.» Μην προσθέτετε ποτέ στα γραπτά μηνύματα κλινικές λεπτομέρειες πέρα από όσα επιτρέπει το πρότυπο.

# 01-remote-symptom-monitoring.md:86 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
first-line-advice-on-symptoms-title = Συμβουλές πρώτης γραμμής για τα συμπτώματα

# 01-remote-symptom-monitoring.md:89 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-th1 = Φάρμακο

# 01-remote-symptom-monitoring.md:89 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-th2 = Συνήθης δόση ενηλίκων

# 01-remote-symptom-monitoring.md:89 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-th3 = Μέγιστη δόση σε 24 ώρες (mg)

# 01-remote-symptom-monitoring.md:89 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-th4 = Σημειώσεις

# 01-remote-symptom-monitoring.md:91 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td1 = Ondansetron

# 01-remote-symptom-monitoring.md:91 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td2 = 8 mg από το στόμα δύο φορές ημερησίως, για έως 5 ημέρες μετά τη χημειοθεραπεία

# 01-remote-symptom-monitoring.md:91 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td3 = Σύμφωνα με το σχήμα

# 01-remote-symptom-monitoring.md:91 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td4 = Προκαλεί δυσκοιλιότητα· μπορεί να παρατείνει το διάστημα QT

# 01-remote-symptom-monitoring.md:92 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td5 = Metoclopramide

# 01-remote-symptom-monitoring.md:92 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td6 = 10 mg από το στόμα έως τρεις φορές ημερησίως

# 01-remote-symptom-monitoring.md:92 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td7 = Μέγιστη διάρκεια 5 ημέρες και μέγιστη δόση 0,5 mg/kg σε 24 ώρες· κίνδυνος εξωπυραμιδικών ανεπιθύμητων ενεργειών

# 01-remote-symptom-monitoring.md:93 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td8 = Loperamide

# 01-remote-symptom-monitoring.md:93 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td9 = 4 mg από το στόμα αρχικά, και στη συνέχεια 2 mg μετά από κάθε υδαρή κένωση

# 01-remote-symptom-monitoring.md:93 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td10 = Όχι πριν από αξιολόγηση σε ασθενείς που λαμβάνουν αναστολείς ανοσολογικών σημείων ελέγχου

# 01-remote-symptom-monitoring.md:95 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
first-line-advice-on-symptoms-p1 = Οι ασθενείς πρέπει να τηλεφωνούν αν η διάρροια συνεχίζεται για περισσότερες από 24 ώρες παρά τη λοπεραμίδη, και αμέσως αν έχουν επίσης πυρετό, αίμα στα κόπρανα ή ζάλη. Σε διάρροια βαθμού 2 ή υψηλότερου, ελέγξτε ουρία και ηλεκτρολύτες: το κάλιο συχνά πέφτει κάτω από 3,5 mmol/L. Η παρακεταμόλη 1 g έως τέσσερις φορές ημερησίως (μέγιστο 4 g/24 h) είναι κατάλληλη για τον πόνο, αλλά οι ασθενείς πρέπει να θερμομετρούνται *πριν* από κάθε δόση, επειδή η παρακεταμόλη μπορεί να συγκαλύψει τον πυρετό. Τα όρια για τη μετοκλοπραμίδη ακολουθούν την [επανεξέταση της μετοκλοπραμίδης από τον EMA](https://www.ema.europa.eu/en/medicines/human/referrals/metoclopramide-containing-medicines).

# 01-remote-symptom-monitoring.md:97 · Remote symptom monitoring during chemotherapy › Quiz
quiz-title = Κουίζ

# 01-remote-symptom-monitoring.md:99 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li1 = Ημέρα 10 μετά τη χημειοθεραπεία, ένας ασθενής αναφέρει 37,4 °C, αλλά έχει ρίγη και αισθάνεται αδιαθεσία. Τι κάνετε;

# 01-remote-symptom-monitoring.md:101 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li2 = Συστήνετε παρακεταμόλη και νέα μέτρηση σε 4 ώρες.

# 01-remote-symptom-monitoring.md:102 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li3 = Το αντιμετωπίζετε ως κόκκινη ειδοποίηση: τηλεφωνείτε τώρα και οργανώνετε επείγουσα αξιολόγηση.

# 01-remote-symptom-monitoring.md:103 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li4 = Κλείνετε ραντεβού για αιματολογικό έλεγχο την επόμενη ημέρα λειτουργίας του ιατρείου.

# 01-remote-symptom-monitoring.md:105 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li5 = Ένας ασθενής αναφέρει 5 κενώσεις ημερησίως πάνω από τα αρχικά επίπεδα. Ποιου βαθμού κατά CTCAE v5.0 είναι η διάρροια;

# 01-remote-symptom-monitoring.md:107 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li6 = Βαθμός 1

# 01-remote-symptom-monitoring.md:108 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li7 = Βαθμός 2

# 01-remote-symptom-monitoring.md:109 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li8 = Βαθμός 3

# 01-remote-symptom-monitoring.md:111 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li9 = Ποια είναι η μέγιστη δόση μετοκλοπραμίδης για ενήλικα σε 24 ώρες;

# 01-remote-symptom-monitoring.md:113 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li10 = 10 mg

# 01-remote-symptom-monitoring.md:114 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li11 = 30 mg

# 01-remote-symptom-monitoring.md:115 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li12 = 60 mg

# 01-remote-symptom-monitoring.md:126 · Remote symptom monitoring during chemotherapy › Quiz › Check yourself
check-yourself-title = Αυτοέλεγχος

# 01-remote-symptom-monitoring.md:127 · Remote symptom monitoring during chemotherapy › Quiz › Check yourself
check-yourself-p1 = <b>Ερώτηση 4.</b> Εννέα ημέρες μετά από ντοσεταξέλη, ένας ασθενής αναφέρει 37,8 °C, ρίγη και αίσθημα κακουχίας. Πρόκειται για κόκκινη ειδοποίηση;

# 01-remote-symptom-monitoring.md:129 · Remote symptom monitoring during chemotherapy › Quiz › Check yourself
check-yourself-summary1 = Δείτε την απάντηση

# 01-remote-symptom-monitoring.md:130 · Remote symptom monitoring during chemotherapy › Quiz › Check yourself
check-yourself-p2 = Ναι. Τα ρίγη ή το αίσθημα κακουχίας μετά από χημειοθεραπεία αποτελούν κόκκινη ειδοποίηση ακόμη και κάτω από 38,0 °C: τηλεφωνήστε τώρα και κανονίστε επείγουσα αξιολόγηση.

# 01-remote-symptom-monitoring.md:117 · Remote symptom monitoring during chemotherapy › Quiz › Answers
answers-title = Απαντήσεις

# 01-remote-symptom-monitoring.md:119 · Remote symptom monitoring during chemotherapy › Quiz › Answers
answers-p1 = Η αδιαθεσία ή τα ρίγη μετά από χημειοθεραπεία απαιτούν επείγουσα αξιολόγηση ακόμη και χωρίς πυρετό. Τέσσερις έως έξι κενώσεις πάνω από τα αρχικά επίπεδα αντιστοιχούν σε βαθμό 2. Η μετοκλοπραμίδη περιορίζεται σε 10 mg τρεις φορές ημερησίως (30 mg σε 24 ώρες) για έως 5 ημέρες.

# 01-remote-symptom-monitoring.md:121 · Remote symptom monitoring during chemotherapy › References
references-title = Βιβλιογραφία

# 01-remote-symptom-monitoring.md:131 · Remote symptom monitoring during chemotherapy › References
references-p1 = *Δείγμα εκπαιδευτικού περιεχομένου για τον έλεγχο λογισμικού. Δεν υποκαθιστά τα τοπικά πρωτόκολλα.*
