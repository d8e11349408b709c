### Italian translation of the DigiCanTrain sample course (hand-made for kurso's sample content).
### Same IDs and order as locales/en; drug names in tables marked "Keep the drug names in English" are kept as written.

# 02-patient-portals-health-literacy.md:2 · front matter › title
meta-title = Portali per i pazienti e alfabetizzazione sanitaria

# 02-patient-portals-health-literacy.md:3 · front matter › summary
meta-summary = Come rendere comprensibili e accessibili i messaggi del portale, i risultati e le istruzioni sui farmaci, e come verificare la comprensione con il metodo teach-back.

# 02-patient-portals-health-literacy.md:6 · front matter › objectives › 1
meta-objectives-1 = Descrivere ciò che i pazienti vedono in un portale oncologico per i pazienti e i rischi dei risultati resi disponibili senza spiegazione.

# 02-patient-portals-health-literacy.md:7 · front matter › objectives › 2
meta-objectives-2 = Riscrivere le istruzioni cliniche in linguaggio chiaro senza modificare dosi o soglie.

# 02-patient-portals-health-literacy.md:8 · front matter › objectives › 3
meta-objectives-3 = Usare il teach-back per verificare la comprensione di persona, per telefono o in videochiamata.

# 02-patient-portals-health-literacy.md:9 · front matter › objectives › 4
meta-objectives-4 = Applicare ai contenuti del portale i requisiti fondamentali WCAG 2.2 di livello AA.

# 02-patient-portals-health-literacy.md:12 · Patient portals and health literacy › What patients see in a portal
what-patients-see-in-a-portal-title = Che cosa vedono i pazienti in un portale

# 02-patient-portals-health-literacy.md:14 · Patient portals and health literacy › What patients see in a portal
what-patients-see-in-a-portal-p1 = I portali oncologici mostrano in genere appuntamenti, esami del sangue, lettere, elenchi dei farmaci e questionari ePRO, e permettono ai pazienti di inviare messaggi non urgenti. I pazienti apprezzano questo accesso. Il regolamento sullo spazio europeo dei dati sanitari, il [regolamento (UE) 2025/327](https://eur-lex.europa.eu/eli/reg/2025/327/oj), rafforza il loro diritto di accedere immediatamente, gratuitamente e per via elettronica ai propri dati sanitari, con obblighi introdotti gradualmente nei prossimi anni.

# 02-patient-portals-health-literacy.md:16 · Patient portals and health literacy › What patients see in a portal
what-patients-see-in-a-portal-p2 = L'accesso senza spiegazione, tuttavia, può nuocere. Una conta dei neutrofili di 0,8 × 10⁹/L pubblicata alle 23:00 può spaventare un paziente ed essere ignorata da un altro che non sa che è importante. Concordare a livello locale:

# 02-patient-portals-health-literacy.md:18 · Patient portals and health literacy › What patients see in a portal
what-patients-see-in-a-portal-li1 = quali risultati vengono resi disponibili subito e quali dopo la revisione da parte del clinico;

# 02-patient-portals-health-literacy.md:19 · Patient portals and health literacy › What patients see in a portal
what-patients-see-in-a-portal-li2 = che i risultati urgenti vengano sempre comunicati per telefono e mai affidati al solo portale;

# 02-patient-portals-health-literacy.md:20 · Patient portals and health literacy › What patients see in a portal
what-patients-see-in-a-portal-li3 = chi risponde ai messaggi del portale, ed entro quanti giorni lavorativi.

# 02-patient-portals-health-literacy.md:22 · Patient portals and health literacy › What patients see in a portal
what-patients-see-in-a-portal-p3 =
    Ogni pagina del portale dovrebbe ripetere un messaggio di sicurezza:\
    {"*"}*Il portale non è destinato alle emergenze. Se non si sente bene, chiami la linea attiva 24 ore su 24.**

# 02-patient-portals-health-literacy.md:25 · Patient portals and health literacy › Health literacy
health-literacy-title = Alfabetizzazione sanitaria

# 02-patient-portals-health-literacy.md:27 · Patient portals and health literacy › Health literacy
health-literacy-p1 = L'[OMS](https://www.who.int/) descrive l'alfabetizzazione sanitaria (health literacy) come la capacità delle persone di accedere alle informazioni sanitarie, comprenderle, valutarle e utilizzarle. Le indagini europee mostrano che molti adulti trovano difficile utilizzare le informazioni sanitarie, e lo stress, la malattia e i farmaci riducono le capacità di chiunque. Partire dal presupposto che ogni lettore sia impegnato e preoccupato, non che non sia in grado di capire.

# 02-patient-portals-health-literacy.md:30 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules = Regole del linguaggio chiaro

# 02-patient-portals-health-literacy.md:32 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules-li1 = Mettere prima l'azione: che cosa deve fare il paziente, poi perché.

# 02-patient-portals-health-literacy.md:33 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules-li2 = Usare frasi brevi, per lo più sotto le 20 parole, e parole di uso quotidiano.

# 02-patient-portals-health-literacy.md:34 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules-li3 = «Vomito» anziché «emesi»; «reni» anziché «renale».

# 02-patient-portals-health-literacy.md:35 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules-li4 = Spiegare un termine che il paziente vedrà altrove: «neutrofili (globuli bianchi che combattono le infezioni)».

# 02-patient-portals-health-literacy.md:36 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules-li5 = Riportare numeri, unità di misura e soglie esattamente come prescritti, e scriverli in cifre.

# 02-patient-portals-health-literacy.md:37 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules-li6 = Usare la forma attiva e rivolgersi direttamente al paziente («Lei»).

# 02-patient-portals-health-literacy.md:40 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-th1 = Formulazione clinica

# 02-patient-portals-health-literacy.md:40 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-th2 = Versione in linguaggio chiaro

# 02-patient-portals-health-literacy.md:42 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td1 = Ondansetron 8 mg PO BD PRN per nausea, max 5/7 post-chemio

# 02-patient-portals-health-literacy.md:42 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td2 = Prenda una compressa da 8 mg di ondansetron fino a due volte al giorno se ha la nausea. Non la prenda per più di 5 giorni dopo la chemioterapia.

# 02-patient-portals-health-literacy.md:43 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td3 = Dexamethasone 8 mg OD mane con il cibo, giorni 2–3

# 02-patient-portals-health-literacy.md:43 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td4 = Nei giorni 2 e 3, prenda 8 mg di dexamethasone al mattino, durante un pasto. Prenderlo nelle prime ore della giornata La aiuta a dormire di notte.

# 02-patient-portals-health-literacy.md:44 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td5 = Piressia ≥ 38,0 °C: contattare subito AOS

# 02-patient-portals-health-literacy.md:44 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td6 = Se la temperatura è di 38,0 °C o più, chiami subito la linea attiva 24 ore su 24, di giorno o di notte.

# 02-patient-portals-health-literacy.md:45 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td7 = ANC 0,8 × 10⁹/L

# 02-patient-portals-health-literacy.md:45 · Patient portals and health literacy › Health literacy › Plain-language rules
# Note: Keep the drug names in English; doses must not change. Translate the right-hand column into natural plain language.
plain-language-rules-td8 = I Suoi neutrofili sono bassi (0,8). Può prendere infezioni più facilmente, quindi si misuri la temperatura se non si sente bene.

# 02-patient-portals-health-literacy.md:47 · Patient portals and health literacy › Health literacy › Plain-language rules
plain-language-rules-p1 = La riga del desametasone è solo un esempio; i regimi antiemetici variano. Verificare ogni riscrittura confrontandola con la prescrizione e chiedere a una seconda persona di controllare i numeri.

# 02-patient-portals-health-literacy.md:49 · Patient portals and health literacy › Teach-back
teach-back-title = Teach-back

# 02-patient-portals-health-literacy.md:51 · Patient portals and health literacy › Teach-back
teach-back-alt1 = Diagramma circolare con quattro passaggi: spiegare, chiedere al paziente di ripetere la spiegazione, chiarire e verificare di nuovo

# 02-patient-portals-health-literacy.md:51 · Patient portals and health literacy › Teach-back
teach-back-img-title1 = Il ciclo del teach-back

# 02-patient-portals-health-literacy.md:53 · Patient portals and health literacy › Teach-back
teach-back-p1 = Il teach-back verifica quanto bene *voi* avete spiegato, non che cosa sa il paziente. Funziona in ambulatorio, per telefono e in videochiamata.

# 02-patient-portals-health-literacy.md:56 · Patient portals and health literacy › Teach-back
teach-back-steps = Spiegare un punto chiave alla volta («chunk and check»: spiegare a piccoli blocchi e verificare).

# 02-patient-portals-health-literacy.md:57 · Patient portals and health literacy › Teach-back
teach-back-li2 = Chiedere al paziente di ripeterlo con parole sue.

# 02-patient-portals-health-literacy.md:58 · Patient portals and health literacy › Teach-back
teach-back-li3 = Usare una domanda aperta: «Per verificare se ho spiegato bene: che cosa farà se a casa Le sale la febbre?»

# 02-patient-portals-health-literacy.md:59 · Patient portals and health literacy › Teach-back
teach-back-li4 = Evitare «Ha capito?», che ottiene quasi sempre un «sì».

# 02-patient-portals-health-literacy.md:60 · Patient portals and health literacy › Teach-back
teach-back-li5 = Se qualcosa manca o è sbagliato, spiegarlo in modo diverso e chiedere di nuovo.

# 02-patient-portals-health-literacy.md:61 · Patient portals and health literacy › Teach-back
teach-back-li6 = Annotare in cartella che è stato usato il teach-back e che cosa è stato confermato.

# 02-patient-portals-health-literacy.md:63 · Patient portals and health literacy › Teach-back
teach-back-p2 = Un'infermiera ha descritto la sua prima settimana di utilizzo del teach-back nel day hospital di chemioterapia:

# 02-patient-portals-health-literacy.md:65 · Patient portals and health literacy › Teach-back
teach-back-q1 = «Pensavo che avrebbe allungato i miei appuntamenti. Ha aggiunto circa un minuto, e ha fatto emergere errori di cui non avrei mai saputo nulla: una paziente pensava di aspettare fino al mattino con una temperatura di 38,5 °C perché non voleva disturbare nessuno.

# 02-patient-portals-health-literacy.md:67 · Patient portals and health literacy › Teach-back
teach-back-q2 = Ora faccio la stessa domanda a ogni primo ciclo. Se la risposta è sbagliata, non ripeto le stesse cose a voce più alta. Cambio le parole e chiedo di nuovo.»

# 02-patient-portals-health-literacy.md:69 · Patient portals and health literacy › Accessibility
accessibility-title = Accessibilità

# 02-patient-portals-health-literacy.md:71 · Patient portals and health literacy › Accessibility
accessibility-p1 = I portali devono funzionare per le persone che usano lettori di schermo, ingrandimento, sottotitoli o solo la tastiera. I siti del settore pubblico devono rispettare la direttiva sull'accessibilità del web, e l'Atto europeo sull'accessibilità si applica a molti servizi digitali privati dal 28 giugno 2025. Entrambi rimandano alla norma EN 301 549, che si basa sulle [WCAG](https://www.w3.org/TR/WCAG22/).

# 02-patient-portals-health-literacy.md:73 · Patient portals and health literacy › Accessibility
accessibility-th1 = Requisito WCAG 2.2

# 02-patient-portals-health-literacy.md:73 · Patient portals and health literacy › Accessibility
accessibility-th2 = Criterio di successo

# 02-patient-portals-health-literacy.md:73 · Patient portals and health literacy › Accessibility
accessibility-th3 = Minimo di livello AA

# 02-patient-portals-health-literacy.md:75 · Patient portals and health literacy › Accessibility
accessibility-td1 = Contrasto del testo, testo normale

# 02-patient-portals-health-literacy.md:76 · Patient portals and health literacy › Accessibility
accessibility-td2 = Contrasto del testo, testo grande

# 02-patient-portals-health-literacy.md:77 · Patient portals and health literacy › Accessibility
accessibility-td3 = Ridimensionamento del testo senza perdita di contenuto

# 02-patient-portals-health-literacy.md:78 · Patient portals and health literacy › Accessibility
accessibility-td4 = Dimensione dell'area attiva di pulsanti e link

# 02-patient-portals-health-literacy.md:78 · Patient portals and health literacy › Accessibility
accessibility-td5 = 24 × 24 pixel CSS

# 02-patient-portals-health-literacy.md:80 · Patient portals and health literacy › Accessibility
accessibility-p2 = Fornire inoltre un'alternativa testuale per ogni immagine (l'attributo `alt`), sottotitolare ogni video e non usare mai il solo colore per indicare che un risultato è anomalo: un numero in rosso dovrebbe essere accompagnato anche da una parola come «basso» o «alto».

# 02-patient-portals-health-literacy.md:82 · Patient portals and health literacy › Accessibility
accessibility-p3 = I modelli di messaggio del portale sono salvati con segnaposto che il sistema compila:

# 02-patient-portals-health-literacy.md:92 · Patient portals and health literacy › Accessibility
accessibility-p4 = Quando si traduce o si modifica un modello, lasciare invariato ogni segnaposto come {"{"}first_name{"}"}, parentesi graffe comprese.

# 02-patient-portals-health-literacy.md:94 · Patient portals and health literacy › Quiz
quiz-title = Quiz

# 02-patient-portals-health-literacy.md:96 · Patient portals and health literacy › Quiz
quiz-li1 = Quale domanda è la più adatta per il teach-back?

# 02-patient-portals-health-literacy.md:98 · Patient portals and health literacy › Quiz
quiz-li2 = «Ha capito quando deve chiamarci?»

# 02-patient-portals-health-literacy.md:99 · Patient portals and health literacy › Quiz
quiz-li3 = «Che cosa farà se a casa ha una temperatura di 38,0 °C?»

# 02-patient-portals-health-literacy.md:100 · Patient portals and health literacy › Quiz
quiz-li4 = «Domande?»

# 02-patient-portals-health-literacy.md:102 · Patient portals and health literacy › Quiz
quiz-li5 = Qual è il rapporto di contrasto minimo WCAG 2.2 di livello AA per il testo di dimensioni normali?

# 02-patient-portals-health-literacy.md:108 · Patient portals and health literacy › Quiz
quiz-li6 = Una riscrittura in linguaggio chiaro cambia «max 5/7» in «per qualche giorno». È accettabile?

# 02-patient-portals-health-literacy.md:110 · Patient portals and health literacy › Quiz
quiz-li7 = Sì, è più semplice.

# 02-patient-portals-health-literacy.md:111 · Patient portals and health literacy › Quiz
quiz-li8 = No, il limite di 5 giorni deve essere mantenuto.

# 02-patient-portals-health-literacy.md:113 · Patient portals and health literacy › Quiz › Answers
answers-title = Risposte

# 02-patient-portals-health-literacy.md:115 · Patient portals and health literacy › Quiz › Answers
answers-p1 = Le domande aperte rivelano che cosa farà realmente il paziente. Le WCAG 2.2 richiedono un rapporto di 4,5:1 per il testo normale e di 3:1 per il testo grande al livello AA; 7:1 corrisponde al livello AAA. Il linguaggio chiaro semplifica le parole, mai le dosi, le durate o le soglie.

# 02-patient-portals-health-literacy.md:117 · Patient portals and health literacy › References
references-title = Bibliografia

# 02-patient-portals-health-literacy.md:126 · Patient portals and health literacy › References
references-p1 = *Contenuto formativo di esempio per il collaudo di software. Non sostituisce i protocolli locali.*
