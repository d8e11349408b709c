### Italian translation of the DigiCanTrain sample course (hand-made for kurso's sample content).
### Same IDs and order as locales/en; drug names in tables marked "Keep the drug names in English" are kept as written.

# 03-virtual-tumour-boards.md:2 · front matter › title
meta-title = Tumor board virtuali

# 03-virtual-tumour-boards.md:3 · front matter › summary
meta-summary = Come condurre online i tumor board multidisciplinari, dalla preparazione strutturata dei casi e dalla condivisione sicura dei dati fino a verbali delle decisioni tracciabili e attuabili.

# 03-virtual-tumour-boards.md:6 · front matter › objectives › 1
meta-objectives-1 = Preparare una sintesi del caso completa e strutturata per un tumor board virtuale.

# 03-virtual-tumour-boards.md:7 · front matter › objectives › 2
meta-objectives-2 = Condividere in modo sicuro dati di imaging, di anatomia patologica e genomici, all'interno del proprio Paese e oltre i confini nazionali.

# 03-virtual-tumour-boards.md:8 · front matter › objectives › 3
meta-objectives-3 = Presiedere una riunione o parteciparvi in modo che ogni caso giunga a una raccomandazione chiara.

# 03-virtual-tumour-boards.md:9 · front matter › objectives › 4
meta-objectives-4 = Documentare raccomandazioni, pareri discordanti e azioni in modo che possano essere comunicati al paziente.

# 03-virtual-tumour-boards.md:12 · Virtual tumour boards › Why tumour boards move online
why-tumour-boards-move-online-title = Perché i tumor board si spostano online

# 03-virtual-tumour-boards.md:14 · Virtual tumour boards › Why tumour boards move online
why-tumour-boards-move-online-p1 = I tumor board multidisciplinari (MDT) riuniscono in un'unica discussione gli specialisti di cui un paziente ha bisogno. Le riunioni virtuali rendono più facile raggiungere il quorum tra sedi diverse, coinvolgere un anatomopatologo o un radiologo di un altro ospedale e chiedere il parere di esperti di tumori rari. Per i tumori solidi rari dell'adulto, la rete di riferimento europea EURACAN organizza panel virtuali tramite l'ERN Clinical Patient Management System.

# 03-virtual-tumour-boards.md:16 · Virtual tumour boards › Why tumour boards move online
why-tumour-boards-move-online-p2 = Il formato digitale comporta rischi propri: dati mancanti, scarsa qualità delle immagini, presenze poco chiare e decisioni che non vengono mai messe per iscritto. Questo modulo li affronta uno per uno.

# 03-virtual-tumour-boards.md:18 · Virtual tumour boards › Why tumour boards move online
why-tumour-boards-move-online-alt1 = Linea temporale con quattro fasi: invio del caso, preparazione e verifica dei dati, riunione virtuale e verbale della decisione inviato all'équipe curante

# 03-virtual-tumour-boards.md:18 · Virtual tumour boards › Why tumour boards move online
why-tumour-boards-move-online-img-title1 = Dall'invio del caso al verbale della decisione

# 03-virtual-tumour-boards.md:20 · Virtual tumour boards › Preparing a case
preparing-a-case-title = Preparare un caso

# 03-virtual-tumour-boards.md:23 · Virtual tumour boards › Preparing a case › Minimum dataset
mdt-minimum-dataset = Set minimo di dati

# 03-virtual-tumour-boards.md:25 · Virtual tumour boards › Preparing a case › Minimum dataset
minimum-dataset-p1 = Inviare i casi entro la scadenza concordata, di solito due giorni lavorativi prima della riunione, con:

# 03-virtual-tumour-boards.md:27 · Virtual tumour boards › Preparing a case › Minimum dataset
minimum-dataset-li1 = Un quesito chiaro per il board, ad esempio «Questo paziente è idoneo a una chemioterapia neoadiuvante a base di cisplatino?»

# 03-virtual-tumour-boards.md:28 · Virtual tumour boards › Preparing a case › Minimum dataset
minimum-dataset-li2 = Sintesi clinica.

# 03-virtual-tumour-boards.md:29 · Virtual tumour boards › Preparing a case › Minimum dataset
minimum-dataset-li3 = Età, performance status (ECOG 0–4) e comorbilità rilevanti.

# 03-virtual-tumour-boards.md:30 · Virtual tumour boards › Preparing a case › Minimum dataset
minimum-dataset-li4 = Funzione d'organo: clearance della creatinina, bilirubina, emocromo.

# 03-virtual-tumour-boards.md:31 · Virtual tumour boards › Preparing a case › Minimum dataset
minimum-dataset-li5 = Diagnosi e stadio.

# 03-virtual-tumour-boards.md:32 · Virtual tumour boards › Preparing a case › Minimum dataset
minimum-dataset-li6 = Istologia e grado dal referto di anatomia patologica.

# 03-virtual-tumour-boards.md:33 · Virtual tumour boards › Preparing a case › Minimum dataset
minimum-dataset-li7 = Stadio TNM (UICC, 8ª edizione), con l'imaging su cui si basa.

# 03-virtual-tumour-boards.md:34 · Virtual tumour boards › Preparing a case › Minimum dataset
minimum-dataset-li8 = Biomarcatori, se pertinenti, e trattamenti precedenti.

# 03-virtual-tumour-boards.md:35 · Virtual tumour boards › Preparing a case › Minimum dataset
minimum-dataset-li9 =
    Le preferenze e gli obiettivi del paziente,
    compreso tutto ciò che ha detto riguardo a viaggi, lavoro o famiglia.

# 03-virtual-tumour-boards.md:38 · Virtual tumour boards › Preparing a case › Minimum dataset
minimum-dataset-p2 = I casi con dati mancanti vengono **rinviati** anziché discussi sulla base di supposizioni.

# 03-virtual-tumour-boards.md:40 · Virtual tumour boards › Preparing a case › A worked example
a-worked-example-title = Un esempio svolto

# 03-virtual-tumour-boards.md:42 · Virtual tumour boards › Preparing a case › A worked example
a-worked-example-p1 = Un uomo di 68 anni ha un carcinoma vescicale muscolo-invasivo, cT2 N0 M0. Il quesito è se possa ricevere una chemioterapia neoadiuvante a base di cisplatino prima della cistectomia. Il coordinatore dei casi confronta i suoi dati con i criteri di eleggibilità comunemente utilizzati:

# 03-virtual-tumour-boards.md:45 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-th1 = Verifica

# 03-virtual-tumour-boards.md:45 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-th2 = Valore in questo caso

# 03-virtual-tumour-boards.md:45 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-th3 = Criterio comunemente utilizzato

# 03-virtual-tumour-boards.md:45 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-th4 = Criterio soddisfatto

# 03-virtual-tumour-boards.md:47 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td1 = Clearance della creatinina (Cockcroft–Gault)

# 03-virtual-tumour-boards.md:47 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td2 = 52 mL/min

# 03-virtual-tumour-boards.md:47 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td3 = 60 mL/min o più per cisplatin

# 03-virtual-tumour-boards.md:47 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td4 = No

# 03-virtual-tumour-boards.md:48 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td5 = Performance status ECOG

# 03-virtual-tumour-boards.md:48 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td6 = 0 o 1

# 03-virtual-tumour-boards.md:48 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td7 = Sì

# 03-virtual-tumour-boards.md:49 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td8 = Neutrofili

# 03-virtual-tumour-boards.md:49 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td9 = 3,2 × 10⁹/L

# 03-virtual-tumour-boards.md:49 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td10 = 1,5 × 10⁹/L o più

# 03-virtual-tumour-boards.md:49 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td11 = Sì

# 03-virtual-tumour-boards.md:50 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td12 = Piastrine

# 03-virtual-tumour-boards.md:50 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td13 = 245 × 10⁹/L

# 03-virtual-tumour-boards.md:50 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td14 = 100 × 10⁹/L o più

# 03-virtual-tumour-boards.md:50 · Virtual tumour boards › Preparing a case › A worked example
# Note: Keep the drug names in English; doses must not change.
a-worked-example-td15 = Sì

# 03-virtual-tumour-boards.md:52 · Virtual tumour boards › Preparing a case › A worked example
a-worked-example-p2 = Con una clearance della creatinina inferiore a 60 mL/min il paziente è in genere considerato non idoneo al cisplatino; il board discute quindi come alternative la cistectomia senza chemioterapia neoadiuvante e la chemioradioterapia con preservazione vescicale, e ne registra le motivazioni.

# 03-virtual-tumour-boards.md:54 · Virtual tumour boards › Preparing a case › A worked example
a-worked-example-p3 = Anche la terapia di supporto può essere concordata durante il board. Quando un regime comporta un rischio di neutropenia febbrile pari o superiore al 20 %, le linee guida raccomandano la profilassi primaria con G-CSF, ad esempio filgrastim 5 µg/kg una volta al giorno per iniezione sottocutanea, a partire da 24–72 ore dopo la chemioterapia, oppure pegfilgrastim 6 mg una volta per ciclo, somministrato almeno 24 ore dopo la chemioterapia. Per i dettagli si vedano le [linee guida ESMO](https://www.esmo.org/guidelines).

# 03-virtual-tumour-boards.md:56 · Virtual tumour boards › Sharing data securely
sharing-data-securely-title = Condividere i dati in modo sicuro

# 03-virtual-tumour-boards.md:58 · Virtual tumour boards › Sharing data securely
sharing-data-securely-p1 = I dati dei tumor board sono dati relativi alla salute ai sensi dell'articolo 9 del GDPR. In pratica:

# 03-virtual-tumour-boards.md:60 · Virtual tumour boards › Sharing data securely
sharing-data-securely-li1 = Utilizzare solo le piattaforme per riunioni e per la condivisione di immagini approvate dalla propria organizzazione.

# 03-virtual-tumour-boards.md:61 · Virtual tumour boards › Sharing data securely
sharing-data-securely-li2 = Condividere le immagini tramite il visualizzatore PACS o un servizio di scambio di immagini approvato, non come screenshot o foto di uno schermo.

# 03-virtual-tumour-boards.md:62 · Virtual tumour boards › Sharing data securely
sharing-data-securely-li3 = Inviare l'elenco dei casi con numeri di caso pseudonimizzati; mostrare i nomi solo all'interno della cartella clinica elettronica.

# 03-virtual-tumour-boards.md:63 · Virtual tumour boards › Sharing data securely
sharing-data-securely-li4 = Non registrare le riunioni, a meno che non esistano una finalità documentata e una regola di conservazione.

# 03-virtual-tumour-boards.md:64 · Virtual tumour boards › Sharing data securely
sharing-data-securely-li5 =
    Per i consulti transfrontalieri, utilizzare un canale approvato come il sistema degli ERN,
    e ottenere il consenso del paziente quando tale canale lo richiede.

# 03-virtual-tumour-boards.md:67 · Virtual tumour boards › Sharing data securely
sharing-data-securely-p2 =
    Collegarsi da una stanza riservata, con le cuffie, e tenere la videocamera accesa durante la presentazione. All'inizio il presidente conferma chi è presente, e
    {"*"}chi si collega in ritardo* viene indicato nel verbale.

# 03-virtual-tumour-boards.md:70 · Virtual tumour boards › Running the meeting
running-the-meeting-title = Condurre la riunione

# 03-virtual-tumour-boards.md:72 · Virtual tumour boards › Running the meeting
running-the-meeting-th1 = Caso

# 03-virtual-tumour-boards.md:72 · Virtual tumour boards › Running the meeting
running-the-meeting-th2 = Sede del tumore

# 03-virtual-tumour-boards.md:72 · Virtual tumour boards › Running the meeting
running-the-meeting-th3 = Quesito per il board

# 03-virtual-tumour-boards.md:72 · Virtual tumour boards › Running the meeting
running-the-meeting-th4 = Tempo previsto (min)

# 03-virtual-tumour-boards.md:74 · Virtual tumour boards › Running the meeting
running-the-meeting-td1 = Vescica

# 03-virtual-tumour-boards.md:74 · Virtual tumour boards › Running the meeting
running-the-meeting-td2 = Idoneità alla chemioterapia neoadiuvante a base di cisplatino

# 03-virtual-tumour-boards.md:75 · Virtual tumour boards › Running the meeting
running-the-meeting-td3 = Mammella

# 03-virtual-tumour-boards.md:75 · Virtual tumour boards › Running the meeting
running-the-meeting-td4 = Chirurgia dopo chemioterapia neoadiuvante

# 03-virtual-tumour-boards.md:76 · Virtual tumour boards › Running the meeting
running-the-meeting-td5 = Colon-retto, metastasi epatiche

# 03-virtual-tumour-boards.md:76 · Virtual tumour boards › Running the meeting
running-the-meeting-td6 = Resecabilità

# 03-virtual-tumour-boards.md:78 · Virtual tumour boards › Running the meeting
running-the-meeting-p1 =
    Prima del primo caso, il presidente verifica il quorum:\
    tutte le specialità principali per ciascuna sede tumorale devono essere presenti, altrimenti il caso viene rinviato.

# 03-virtual-tumour-boards.md:81 · Virtual tumour boards › Running the meeting
running-the-meeting-p2 = Il presidente legge il quesito, chi presenta il caso ne fa una sintesi di due minuti, il radiologo e l'anatomopatologo esaminano le immagini e i vetrini principali, e il presidente enuncia ad alta voce la raccomandazione prima di passare oltre.

# 03-virtual-tumour-boards.md:83 · Virtual tumour boards › Documenting the decision
documenting-the-decision-title = Documentare la decisione

# 03-virtual-tumour-boards.md:86 · Virtual tumour boards › Documenting the decision
decision-record = Una raccomandazione è utile solo se l'équipe curante può metterla in pratica e spiegarla al paziente. Confrontare:

# 03-virtual-tumour-boards.md:88 · Virtual tumour boards › Documenting the decision
documenting-the-decision-q1 = Inadeguato: «Discusso. Da trattare.»

# 03-virtual-tumour-boards.md:90 · Virtual tumour boards › Documenting the decision
documenting-the-decision-q2 = Adeguato: «Non idoneo al cisplatino (clearance della creatinina 52 mL/min). Si raccomanda l'invio per cistectomia radicale; discutere come alternativa la chemioradioterapia con preservazione vescicale. Il dott. A vedrà il paziente entro 7 giorni.»

# 03-virtual-tumour-boards.md:92 · Virtual tumour boards › Documenting the decision
documenting-the-decision-p2 = Molti servizi conservano un verbale strutturato. Campi come `inform_patient_by` trasformano la decisione in un'attività che la cartella clinica elettronica può monitorare:

# 03-virtual-tumour-boards.md:107 · Virtual tumour boards › Documenting the decision
documenting-the-decision-p3 = Una volta firmato il verbale, il sistema avvisa l'équipe: «L'esito del tumor board per {"{"}patient_id{"}"} è pronto per la revisione da parte di {"{"}responsible_clinician{"}"}.» La raccomandazione è un parere; la decisione finale viene presa insieme al paziente.

# 03-virtual-tumour-boards.md:109 · Virtual tumour boards › Quiz
quiz-title = Quiz

# 03-virtual-tumour-boards.md:111 · Virtual tumour boards › Quiz
quiz-li1 = Un caso arriva senza il referto di anatomia patologica. Che cosa dovrebbe succedere?

# 03-virtual-tumour-boards.md:113 · Virtual tumour boards › Quiz
quiz-li2 = Discuterlo sulla base del solo imaging.

# 03-virtual-tumour-boards.md:114 · Virtual tumour boards › Quiz
quiz-li3 = Rinviarlo alla riunione successiva, richiedendo i dati mancanti.

# 03-virtual-tumour-boards.md:115 · Virtual tumour boards › Quiz
quiz-li4 = Chiedere a chi presenta il caso di riassumere il referto a memoria.

# 03-virtual-tumour-boards.md:117 · Virtual tumour boards › Quiz
quiz-li5 = Qual è la dose abituale di filgrastim per la profilassi primaria?

# 03-virtual-tumour-boards.md:119 · Virtual tumour boards › Quiz
quiz-li6 = 5 µg/kg una volta al giorno

# 03-virtual-tumour-boards.md:120 · Virtual tumour boards › Quiz
quiz-li7 = 5 mg/kg una volta al giorno

# 03-virtual-tumour-boards.md:121 · Virtual tumour boards › Quiz
quiz-li8 = 6 mg una volta per ciclo

# 03-virtual-tumour-boards.md:123 · Virtual tumour boards › Quiz
quiz-li9 = Quale elemento deve contenere un verbale della decisione?

# 03-virtual-tumour-boards.md:125 · Virtual tumour boards › Quiz
quiz-li10 = Uno screenshot dell'imaging

# 03-virtual-tumour-boards.md:126 · Virtual tumour boards › Quiz
quiz-li11 = La raccomandazione, la sua motivazione e chi informa il paziente

# 03-virtual-tumour-boards.md:127 · Virtual tumour boards › Quiz
quiz-li12 = I nomi completi di tutti i pazienti discussi quel giorno

# 03-virtual-tumour-boards.md:129 · Virtual tumour boards › Quiz › Answers
answers-title = Risposte

# 03-virtual-tumour-boards.md:131 · Virtual tumour boards › Quiz › Answers
answers-p1 = Il rinvio protegge il paziente da decisioni basate su dati incompleti. Il filgrastim si somministra alla dose di 5 µg/kg al giorno; 6 mg una volta per ciclo è la dose del pegfilgrastim, e «mg/kg» sarebbe un errore di 1000 volte. Un buon verbale indica che cosa, perché, chi ed entro quando.

# 03-virtual-tumour-boards.md:133 · Virtual tumour boards › References
references-title = Bibliografia

# 03-virtual-tumour-boards.md:143 · Virtual tumour boards › References
references-p1 = *Contenuto formativo di esempio per il collaudo di software. Non sostituisce i protocolli locali.*
