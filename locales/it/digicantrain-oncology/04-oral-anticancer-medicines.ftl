### Italian translation of the DigiCanTrain sample course (hand-made for kurso's sample content).
### Same IDs and order as locales/en.

# 04-oral-anticancer-medicines.md:7 · course header › title
header-title = Farmaci antitumorali orali a domicilio

# 04-oral-anticancer-medicines.md:8 · course header › comment
header-comment = Manipolazione sicura e aderenza alla chemioterapia orale, in un breve modulo LiaScript.

# 04-oral-anticancer-medicines.md:11
header-learning-objectives-li1 = Spiegare perché i farmaci antitumorali orali richiedono gli stessi controlli di sicurezza della chemioterapia endovenosa.

# 04-oral-anticancer-medicines.md:12
header-learning-objectives-li2 = Insegnare ai pazienti a maneggiare le compresse in sicurezza a domicilio.

# 04-oral-anticancer-medicines.md:17 · Oral anticancer medicines at home
oral-anticancer-medicines-at-title = Farmaci antitumorali orali a domicilio

# 04-oral-anticancer-medicines.md:21 · Oral anticancer medicines at home
oral-anticancer-medicines-at-p1 = I farmaci antitumorali orali sono tossici quanto la chemioterapia endovenosa, ma i pazienti li assumono a domicilio senza un infermiere. Controllare la dose, lo schema e le pause previste a ogni contatto.

# 04-oral-anticancer-medicines.md:24 · Oral anticancer medicines at home
oral-anticancer-medicines-at-p2 =
    <b>Manipolazione sicura</b><br>
    Lavarsi le mani dopo aver toccato le compresse. Non frantumarle, dividerle o masticarle. Conservarle nella confezione originale, fuori dalla portata dei bambini.

# 04-oral-anticancer-medicines.md:28 · Oral anticancer medicines at home › Check your understanding
check-your-understanding-title = Verifica delle conoscenze

# 04-oral-anticancer-medicines.md:30 · Oral anticancer medicines at home › Check your understanding
check-your-understanding-p1 = Un paziente in terapia con capecitabina ha dimenticato la dose di stamattina. Che cosa deve fare?

# 04-oral-anticancer-medicines.md:32 · Oral anticancer medicines at home › Check your understanding
check-your-understanding-opt1 = Prendere due dosi questa sera.

# 04-oral-anticancer-medicines.md:33 · Oral anticancer medicines at home › Check your understanding
check-your-understanding-opt2 = Saltare la dose dimenticata e prendere la successiva all'orario abituale.

# 04-oral-anticancer-medicines.md:34 · Oral anticancer medicines at home › Check your understanding
check-your-understanding-opt3 = Sospendere il trattamento fino alla prossima visita ambulatoriale.

# 04-oral-anticancer-medicines.md:35 · Oral anticancer medicines at home › Check your understanding
check-your-understanding-hint1 = Una dose doppia raddoppia la tossicità.

# 04-oral-anticancer-medicines.md:37 · Oral anticancer medicines at home › Check your understanding
check-your-understanding-p2 = Non raddoppiare mai la dose di un farmaco antitumorale orale. Saltare la dose dimenticata, annotarla nel diario del trattamento e informare l'équipe al contatto successivo.
