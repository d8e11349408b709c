### Greek translation of the DigiCanTrain sample course (hand-made for kurso's sample content).
### GDPR is written ΓΚΠΔ throughout; drug names in tables marked "Keep the drug names in English" are kept in Latin script, elsewhere Greek INN spelling.

# course.yaml:1 · title
title = Ψηφιακές δεξιότητες στη φροντίδα του καρκίνου — Απομακρυσμένη παρακολούθηση, πύλες ασθενών και εικονικά ογκολογικά συμβούλια

# course.yaml:3 · summary
summary = Πρόγραμμα συνεχιζόμενης εκπαίδευσης για το προσωπικό της ογκολογικής φροντίδας σε τρεις ψηφιακές πρακτικές που αλλάζουν την καθημερινή ογκολογική πράξη. Οι συμμετέχοντες μαθαίνουν να ενεργούν με ασφάλεια βάσει των ηλεκτρονικών εκβάσεων που αναφέρονται από τους ασθενείς, να επικοινωνούν μέσω των πυλών ασθενών σε απλή και προσβάσιμη γλώσσα και να προετοιμάζουν και να τεκμηριώνουν τις αποφάσεις των εικονικών ογκολογικών συμβουλίων. Το πρόγραμμα προσφέρεται ως σωρευτικό μικροδιαπιστευτήριο, παράλληλα με πιστωτικές μονάδες ECTS και CME.

# course.yaml:10 · audience › 1
audience-1 = Ιατροί

# course.yaml:11 · audience › 2
audience-2 = Νοσηλευτές

# course.yaml:12 · audience › 3
audience-3 = Φαρμακοποιοί

# course.yaml:18 · learning-outcomes › 1
learning-outcomes-1 = Να διαβαθμίζουν, με βάση τα CTCAE v5.0, τις τοξικότητες της χημειοθεραπείας που αναφέρονται μέσω συστημάτων ePRO και να ενεργούν σύμφωνα με τα συμφωνημένα όρια ειδοποίησης.

# course.yaml:19 · learning-outcomes › 2
learning-outcomes-2 = Να αναγνωρίζουν εξ αποστάσεως πιθανή ουδετεροπενική σήψη και να οργανώνουν αξιολόγηση χωρίς καθυστέρηση.

# course.yaml:20 · learning-outcomes › 3
learning-outcomes-3 = Να αναδιατυπώνουν μηνύματα της πύλης και οδηγίες για τα φάρμακα σε απλή γλώσσα χωρίς να αλλάζουν δόσεις ή όρια, και να επιβεβαιώνουν την κατανόηση με τη μέθοδο teach-back.

# course.yaml:21 · learning-outcomes › 4
learning-outcomes-4 = Να εφαρμόζουν τις απαιτήσεις επιπέδου AA των WCAG 2.2 σε ψηφιακό περιεχόμενο που απευθύνεται σε ασθενείς.

# course.yaml:22 · learning-outcomes › 5
learning-outcomes-5 = Να προετοιμάζουν, να παρουσιάζουν και να τεκμηριώνουν ένα περιστατικό σε εικονικό πολυεπιστημονικό ογκολογικό συμβούλιο σύμφωνα με τον ΓΚΠΔ.

# course.yaml:25 · activities › synchronous › 1 › title
activities-synchronous-1-title = Εργαστήριο διαλογής (triage) ειδοποιήσεων ePRO

# course.yaml:26 · activities › synchronous › 1 › description
activities-synchronous-1-description = Διαλογή μιας σειράς προσομοιωμένων ειδοποιήσεων ePRO σε μικρές ομάδες, διαβάθμιση κάθε αναφοράς με τα CTCAE v5.0 και συμφωνία για την αντιμετώπιση.

# course.yaml:28 · activities › synchronous › 2 › title
activities-synchronous-2-title = Άσκηση στη μέθοδο teach-back

# course.yaml:29 · activities › synchronous › 2 › description
activities-synchronous-2-description = Άσκηση στη μέθοδο teach-back μέσω βίντεο με εκπαιδευμένο προσομοιωμένο ασθενή και λήψη δομημένης ανατροφοδότησης.

# course.yaml:31 · activities › synchronous › 3 › title
activities-synchronous-3-title = Προσομοίωση εικονικού ογκολογικού συμβουλίου

# course.yaml:32 · activities › synchronous › 3 › description
activities-synchronous-3-description = Παρουσίαση ενός προετοιμασμένου περιστατικού σε διαδικτυακή προσομοίωση ογκολογικού συμβουλίου και σύνταξη του πρακτικού της απόφασης.

# course.yaml:35 · activities › asynchronous › 1 › title
activities-asynchronous-1-title = Ενότητες ηλεκτρονικής μάθησης

# course.yaml:36 · activities › asynchronous › 1 › description
activities-asynchronous-1-description = Ολοκλήρωση των τριών διαδικτυακών ενοτήτων και των κουίζ τους (βάση επιτυχίας 80 %).

# course.yaml:38 · activities › asynchronous › 2 › title
activities-asynchronous-2-title = Αναδιατύπωση σε απλή γλώσσα

# course.yaml:39 · activities › asynchronous › 2 › description
activities-asynchronous-2-description = Αναδιατύπωση τριών πραγματικών (ανωνυμοποιημένων) μηνυμάτων της πύλης και μίας ενότητας φύλλου οδηγιών χρήσης φαρμάκου, και στη συνέχεια έλεγχός τους με τη λίστα ελέγχου του προγράμματος.

# course.yaml:41 · activities › asynchronous › 3 › title
activities-asynchronous-3-title = Έργο στον χώρο εργασίας

# course.yaml:42 · activities › asynchronous › 3 › description
activities-asynchronous-3-description = Χαρτογράφηση μίας ψηφιακής διαδρομής στη δική σας υπηρεσία, όπως οι ειδοποιήσεις ePRO ή η προετοιμασία του ογκολογικού συμβουλίου, και πρόταση μίας μετρήσιμης βελτίωσης.
