### Greek translation of the DigiCanTrain sample course (hand-made for kurso's sample content).
### Same IDs and order as locales/en.

# 04-oral-anticancer-medicines.md:7 · course header › title
header-title = Από του στόματος αντινεοπλασματικά φάρμακα στο σπίτι

# 04-oral-anticancer-medicines.md:8 · course header › comment
header-comment = Ασφαλής χειρισμός και συμμόρφωση στη χημειοθεραπεία από του στόματος, σε μια σύντομη ενότητα LiaScript.

# 04-oral-anticancer-medicines.md:11
header-learning-objectives-li1 = Να εξηγείτε γιατί τα από του στόματος αντινεοπλασματικά φάρμακα χρειάζονται τους ίδιους ελέγχους ασφάλειας με την ενδοφλέβια χημειοθεραπεία.

# 04-oral-anticancer-medicines.md:12
header-learning-objectives-li2 = Να διδάσκετε στους ασθενείς τον ασφαλή χειρισμό των δισκίων τους στο σπίτι.

# 04-oral-anticancer-medicines.md:17 · Oral anticancer medicines at home
oral-anticancer-medicines-at-title = Από του στόματος αντινεοπλασματικά φάρμακα στο σπίτι

# 04-oral-anticancer-medicines.md:21 · Oral anticancer medicines at home
oral-anticancer-medicines-at-p1 = Τα από του στόματος αντινεοπλασματικά φάρμακα είναι εξίσου τοξικά με την ενδοφλέβια χημειοθεραπεία, όμως οι ασθενείς τα παίρνουν στο σπίτι χωρίς νοσηλευτή. Ελέγχετε τη δόση, το σχήμα και τα προγραμματισμένα διαλείμματα σε κάθε επαφή.

# 04-oral-anticancer-medicines.md:24 · Oral anticancer medicines at home
oral-anticancer-medicines-at-p2 =
    <b>Ασφαλής χειρισμός</b><br>
    Πλένετε τα χέρια σας αφού αγγίξετε τα δισκία. Μην τα θρυμματίζετε, μην τα σπάτε και μην τα μασάτε. Φυλάσσετέ τα στην αρχική συσκευασία, μακριά από παιδιά.

# 04-oral-anticancer-medicines.md:28 · Oral anticancer medicines at home › Check your understanding
check-your-understanding-title = Ελέγξτε τις γνώσεις σας

# 04-oral-anticancer-medicines.md:30 · Oral anticancer medicines at home › Check your understanding
check-your-understanding-p1 = Ένας ασθενής που παίρνει καπεσιταβίνη ξέχασε τη σημερινή πρωινή δόση. Τι πρέπει να κάνει;

# 04-oral-anticancer-medicines.md:32 · Oral anticancer medicines at home › Check your understanding
check-your-understanding-opt1 = Να πάρει δύο δόσεις απόψε.

# 04-oral-anticancer-medicines.md:33 · Oral anticancer medicines at home › Check your understanding
check-your-understanding-opt2 = Να παραλείψει τη δόση που ξέχασε και να πάρει την επόμενη τη συνηθισμένη ώρα.

# 04-oral-anticancer-medicines.md:34 · Oral anticancer medicines at home › Check your understanding
check-your-understanding-opt3 = Να διακόψει τη θεραπεία μέχρι την επόμενη επίσκεψη στο ιατρείο.

# 04-oral-anticancer-medicines.md:35 · Oral anticancer medicines at home › Check your understanding
check-your-understanding-hint1 = Η διπλή δόση διπλασιάζει την τοξικότητα.

# 04-oral-anticancer-medicines.md:37 · Oral anticancer medicines at home › Check your understanding
check-your-understanding-p2 = Μη διπλασιάζετε ποτέ τη δόση ενός από του στόματος αντινεοπλασματικού φαρμάκου. Παραλείψτε τη δόση που ξεχάστηκε, σημειώστε τη στο ημερολόγιο θεραπείας και ενημερώστε την ομάδα στην επόμενη επαφή.
