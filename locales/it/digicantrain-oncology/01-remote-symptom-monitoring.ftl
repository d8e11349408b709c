### Italian translation of the DigiCanTrain sample course (hand-made for kurso's sample content).
### Same IDs and order as locales/en; drug names in tables marked "Keep the drug names in English" are kept as written.

# 01-remote-symptom-monitoring.md:2 · front matter › title
meta-title = Monitoraggio dei sintomi da remoto durante la chemioterapia

# 01-remote-symptom-monitoring.md:3 · front matter › summary
meta-summary = Come utilizzare gli esiti riferiti dal paziente in formato elettronico (ePRO) per individuare, classificare e gestire la tossicità del trattamento tra una visita e l'altra.

# 01-remote-symptom-monitoring.md:6 · front matter › objectives › 1
meta-objectives-1 = Spiegare come il monitoraggio ePRO aiuta a individuare la tossicità tra un ciclo di chemioterapia e l'altro.

# 01-remote-symptom-monitoring.md:7 · front matter › objectives › 2
meta-objectives-2 = Attribuire il grado alle tossicità più comuni secondo i CTCAE v5.0 sulla base delle segnalazioni dei pazienti e degli esami del sangue.

# 01-remote-symptom-monitoring.md:8 · front matter › objectives › 3
meta-objectives-3 = Applicare le soglie di allerta, compresa una temperatura pari o superiore a 38,0 °C in un paziente a rischio di neutropenia.

# 01-remote-symptom-monitoring.md:9 · front matter › objectives › 4
meta-objectives-4 = Fornire consigli di prima linea sicuri su antiemetici e antidiarroici nell'ambito dei protocolli locali.

# 01-remote-symptom-monitoring.md:12 · Remote symptom monitoring during chemotherapy › Why monitor symptoms remotely
why-monitor-symptoms-remotely-title = Perché monitorare i sintomi da remoto

# 01-remote-symptom-monitoring.md:14 · Remote symptom monitoring during chemotherapy › Why monitor symptoms remotely
why-monitor-symptoms-remotely-p1 = La maggior parte della tossicità da chemioterapia si manifesta a domicilio, tra una visita e l'altra. Con molti regimi la conta dei neutrofili raggiunge il valore più basso 7–14 giorni dopo il trattamento, proprio quando i pazienti vengono visti più di rado. Studi randomizzati sulla segnalazione regolare degli ePRO con allerte automatiche al personale infermieristico hanno mostrato meno accessi in pronto soccorso e una migliore qualità di vita, e uno studio ha riportato anche una sopravvivenza globale più lunga. L'ESMO ha pubblicato una linea guida di pratica clinica sull'uso delle misure di esito riferite dal paziente nell'assistenza oncologica di routine; si veda la [raccolta delle linee guida ESMO](https://www.esmo.org/guidelines).

# 01-remote-symptom-monitoring.md:16 · Remote symptom monitoring during chemotherapy › Why monitor symptoms remotely
why-monitor-symptoms-remotely-p2 = I sistemi ePRO non sostituiscono la linea telefonica attiva 24 ore su 24. I pazienti devono comunque chiamare subito se non si sentono bene, indipendentemente dal calendario dei questionari.

# 01-remote-symptom-monitoring.md:18 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-title = Come funziona un percorso ePRO

# 01-remote-symptom-monitoring.md:20 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-alt1 = Diagramma di flusso: il paziente compila un questionario, il sistema gli assegna un punteggio, i risultati verdi passano alla revisione ordinaria e le allerte ambra o rosse vanno a un infermiere che chiama il paziente

# 01-remote-symptom-monitoring.md:20 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-img-title1 = Percorso delle allerte ePRO

# 01-remote-symptom-monitoring.md:22 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-li1 = Prima del ciclo 1, l'infermiere arruola il paziente.

# 01-remote-symptom-monitoring.md:23 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-li2 = Verificare che il paziente sia in grado di usare l'app o il modulo web, oppure offrire in alternativa la segnalazione telefonica.

# 01-remote-symptom-monitoring.md:24 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-li3 = Concordare il calendario, ad esempio ogni giorno nei primi 14 giorni di ciascun ciclo, poi ogni settimana.

# 01-remote-symptom-monitoring.md:25 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-li4 =
    Il paziente risponde a brevi domande sui sintomi, spesso basate sugli item PRO-CTCAE,
    e registra la temperatura ogni volta che sente caldo, freddo o ha i brividi.

# 01-remote-symptom-monitoring.md:27 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-li5 = Il sistema assegna un punteggio a ogni risposta e genera allerte verdi, ambra o rosse.

# 01-remote-symptom-monitoring.md:28 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-li6 =
    Un infermiere designato esamina le allerte entro i tempi di risposta concordati dal servizio
    e documenta la chiamata e l'intervento nella cartella clinica elettronica.

# 01-remote-symptom-monitoring.md:31 · Remote symptom monitoring during chemotherapy › How an ePRO pathway works
how-an-epro-pathway-works-p1 =
    Le allerte arrivano all'infermiere di oncologia acuta di turno, che richiama il paziente.
    {"*"}L'oncologo curante viene informato* quando la chiamata conferma un evento di grado 3 o superiore, o una possibile sepsi neutropenica.

# 01-remote-symptom-monitoring.md:34 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-title = Classificazione della tossicità con i CTCAE v5.0

# 01-remote-symptom-monitoring.md:36 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-p1 = I Common Terminology Criteria for Adverse Events (CTCAE) classificano la tossicità in gradi da 1 (lieve) a 5 (decesso correlato all'evento avverso). La tabella riporta alcuni termini selezionati.

# 01-remote-symptom-monitoring.md:38 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-th1 = Evento avverso

# 01-remote-symptom-monitoring.md:38 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-th2 = Grado 1

# 01-remote-symptom-monitoring.md:38 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-th3 = Grado 2

# 01-remote-symptom-monitoring.md:38 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-th4 = Grado 3

# 01-remote-symptom-monitoring.md:38 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-th5 = Grado 4

# 01-remote-symptom-monitoring.md:40 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td1 = Riduzione della conta dei neutrofili (× 10⁹/L)

# 01-remote-symptom-monitoring.md:40 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td2 = da < LLN a 1,5

# 01-remote-symptom-monitoring.md:40 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td3 = da < 1,5 a 1,0

# 01-remote-symptom-monitoring.md:40 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td4 = da < 1,0 a 0,5

# 01-remote-symptom-monitoring.md:41 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td5 = Riduzione della conta piastrinica (× 10⁹/L)

# 01-remote-symptom-monitoring.md:41 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td6 = da < LLN a 75,0

# 01-remote-symptom-monitoring.md:41 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td7 = da < 75,0 a 50,0

# 01-remote-symptom-monitoring.md:41 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td8 = da < 50,0 a 25,0

# 01-remote-symptom-monitoring.md:42 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td9 = Febbre

# 01-remote-symptom-monitoring.md:42 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td10 = da 38,0 a 39,0 °C

# 01-remote-symptom-monitoring.md:42 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td11 = da > 39,0 a 40,0 °C

# 01-remote-symptom-monitoring.md:42 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td12 = > 40,0 °C per 24 ore o meno

# 01-remote-symptom-monitoring.md:42 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td13 = > 40,0 °C per più di 24 ore

# 01-remote-symptom-monitoring.md:43 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td14 = Diarrea (scariche al giorno in più rispetto al basale)

# 01-remote-symptom-monitoring.md:43 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td15 = Meno di 4

# 01-remote-symptom-monitoring.md:43 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td16 = Da 4 a 6; limitazione delle attività strumentali della vita quotidiana

# 01-remote-symptom-monitoring.md:43 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td17 = 7 o più; indicato il ricovero; limitazione della cura di sé

# 01-remote-symptom-monitoring.md:43 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td18 = Conseguenze potenzialmente letali; indicato intervento urgente

# 01-remote-symptom-monitoring.md:44 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td19 = Mucosite orale

# 01-remote-symptom-monitoring.md:44 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td20 = Assenza di sintomi o sintomi lievi

# 01-remote-symptom-monitoring.md:44 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td21 = Dolore moderato o ulcera; indicata dieta modificata

# 01-remote-symptom-monitoring.md:44 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td22 = Dolore intenso che interferisce con l'assunzione orale

# 01-remote-symptom-monitoring.md:44 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-td23 = Conseguenze potenzialmente letali; indicato intervento urgente

# 01-remote-symptom-monitoring.md:46 · Remote symptom monitoring during chemotherapy › Grading toxicity with CTCAE v5.0
grading-toxicity-with-ctcae-v5-0-p2 = LLN è il limite inferiore della norma del proprio laboratorio. La *neutropenia febbrile* è un termine CTCAE a sé stante (grado 3 o superiore): conta dei neutrofili inferiore a 1,0 × 10⁹/L con una singola rilevazione di temperatura superiore a 38,3 °C oppure una temperatura persistente pari o superiore a 38,0 °C per più di un'ora.

# 01-remote-symptom-monitoring.md:51 · Remote symptom monitoring during chemotherapy › Alert thresholds and response
alert-thresholds-and-response-title = Soglie di allerta e risposta

# 01-remote-symptom-monitoring.md:54 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
fever-alert-threshold = Allerte rosse: agire subito

# 01-remote-symptom-monitoring.md:56 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
red-alerts-act-now-p1 = Un paziente che ha ricevuto un trattamento antitumorale sistemico nelle ultime settimane e che riferisce **uno qualsiasi** dei seguenti segni o sintomi può avere una sepsi neutropenica. Chiamarlo immediatamente e organizzare una valutazione urgente in presenza; non attendere l'emocromo.

# 01-remote-symptom-monitoring.md:58 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
red-alerts-act-now-li1 = Temperatura pari o superiore a 38,0 °C, oppure inferiore a 36,0 °C.

# 01-remote-symptom-monitoring.md:59 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
red-alerts-act-now-li2 = Brividi, brividi scuotenti o sensazione di malessere generale, anche con temperatura normale.

# 01-remote-symptom-monitoring.md:60 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
red-alerts-act-now-li3 = Sette o più scariche al giorno in più rispetto al basale, oppure incapacità di assumere liquidi senza vomitarli per 24 ore.

# 01-remote-symptom-monitoring.md:61 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
red-alerts-act-now-li4 = Dispnea di nuova insorgenza, dolore toracico o confusione.

# 01-remote-symptom-monitoring.md:63 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
red-alerts-act-now-p2 = La sospetta sepsi neutropenica è un'emergenza medica: le linee guida del [NICE](https://www.nice.org.uk/guidance/cg151) e dell'ESMO raccomandano una terapia antibiotica empirica per via endovenosa senza ritardo, entro un'ora dall'arrivo e senza attendere la conta dei neutrofili. Alcuni servizi utilizzano soglie di temperatura più basse; seguire lo strumento di triage locale.

# 01-remote-symptom-monitoring.md:65 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Red alerts: act now
red-alerts-act-now-q1 =
    {"*"}*Temperatura pari o superiore a 38,0 °C, oppure inferiore a 36,0 °C?**\
    Chiami subito la linea attiva 24 ore su 24, di giorno o di notte. Non aspetti il mattino e non prenda il paracetamolo per far scendere prima la temperatura.

# 01-remote-symptom-monitoring.md:68 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-title = Allerte ambra: in giornata

# 01-remote-symptom-monitoring.md:70 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-li1 = Diarrea con 4–6 scariche al giorno in più rispetto al basale, oppure nausea che riduce l'assunzione di cibo e bevande nonostante gli antiemetici.

# 01-remote-symptom-monitoring.md:71 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-li2 =
    Qualsiasi nuova diarrea in un paziente in terapia con un inibitore dei checkpoint immunitari: può trattarsi di una colite immuno-correlata,
    per cui il team deve valutare il paziente prima di consigliare la loperamide.

# 01-remote-symptom-monitoring.md:73 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-li3 = Ulcere del cavo orale che rendono doloroso mangiare.

# 01-remote-symptom-monitoring.md:76 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-p3 = Chi risponde a un'allerta, e con quale rapidità

# 01-remote-symptom-monitoring.md:77 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-th1 = Allerta

# 01-remote-symptom-monitoring.md:77 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-th2 = Chi risponde

# 01-remote-symptom-monitoring.md:77 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-th3 = Con quale rapidità

# 01-remote-symptom-monitoring.md:78 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td1 = Rossa

# 01-remote-symptom-monitoring.md:78 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td2 = Infermiere di oncologia della linea attiva 24 ore su 24

# 01-remote-symptom-monitoring.md:78 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td3 = Subito, di giorno e di notte

# 01-remote-symptom-monitoring.md:79 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td4 = Ambra

# 01-remote-symptom-monitoring.md:79 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td5 = Infermiere dell'équipe curante

# 01-remote-symptom-monitoring.md:79 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td6 = In giornata

# 01-remote-symptom-monitoring.md:80 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td7 = Verde

# 01-remote-symptom-monitoring.md:80 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td8 = Revisione di routine

# 01-remote-symptom-monitoring.md:80 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-td9 = Al prossimo contatto programmato

# 01-remote-symptom-monitoring.md:75 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-p1 = L'esportazione dei dati ePRO di un paziente mostra come compare un'allerta rossa nei dati; la colonna `alert` è calcolata a partire da `temperature_c` e dai punteggi dei sintomi:

# 01-remote-symptom-monitoring.md:84 · Remote symptom monitoring during chemotherapy › Alert thresholds and response › Amber alerts: same day
amber-alerts-same-day-p2 = La notifica inviata al telefono di servizio dell'infermiere usa un modello fisso: «Allerta ePRO per {"{"}patient_id{"}"}: temperatura {"{"}temperature{"}"} °C registrata alle {"{"}time{"}"}. Chiamare subito il paziente.» Non aggiungere mai ai messaggi di testo dettagli clinici oltre a quanto previsto dal modello.

# 01-remote-symptom-monitoring.md:86 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
first-line-advice-on-symptoms-title = Consigli di prima linea sui sintomi

# 01-remote-symptom-monitoring.md:89 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-th1 = Farmaco

# 01-remote-symptom-monitoring.md:89 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-th2 = Dose abituale nell'adulto

# 01-remote-symptom-monitoring.md:89 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-th3 = Massimo in 24 ore (mg)

# 01-remote-symptom-monitoring.md:89 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-th4 = Note

# 01-remote-symptom-monitoring.md:91 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td1 = Ondansetron

# 01-remote-symptom-monitoring.md:91 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td2 = 8 mg per via orale due volte al giorno, fino a 5 giorni dopo la chemioterapia

# 01-remote-symptom-monitoring.md:91 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td3 = Secondo il regime

# 01-remote-symptom-monitoring.md:91 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td4 = Causa stipsi; può prolungare l'intervallo QT

# 01-remote-symptom-monitoring.md:92 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td5 = Metoclopramide

# 01-remote-symptom-monitoring.md:92 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td6 = 10 mg per via orale fino a tre volte al giorno

# 01-remote-symptom-monitoring.md:92 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td7 = Durata massima 5 giorni e dose massima 0,5 mg/kg in 24 ore; rischio di effetti extrapiramidali

# 01-remote-symptom-monitoring.md:93 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td8 = Loperamide

# 01-remote-symptom-monitoring.md:93 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td9 = 4 mg per via orale all'inizio, poi 2 mg dopo ogni scarica di feci non formate

# 01-remote-symptom-monitoring.md:93 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
# Note: Keep the drug names in English; doses must not change.
first-line-advice-on-symptoms-td10 = Non prima della valutazione nei pazienti in terapia con inibitori dei checkpoint immunitari

# 01-remote-symptom-monitoring.md:95 · Remote symptom monitoring during chemotherapy › First-line advice on symptoms
first-line-advice-on-symptoms-p1 = I pazienti devono chiamare se la diarrea persiste per più di 24 ore nonostante la loperamide, e immediatamente se presentano anche febbre, sangue nelle feci o capogiri. In caso di diarrea di grado 2 o superiore, controllare urea ed elettroliti: il potassio scende spesso sotto 3,5 mmol/L. Il paracetamolo 1 g fino a quattro volte al giorno (massimo 4 g/24 h) è adatto per il dolore, ma i pazienti devono misurare la temperatura *prima* di ogni dose, perché il paracetamolo può mascherare la febbre. I limiti per la metoclopramide seguono la [revisione dell'EMA sulla metoclopramide](https://www.ema.europa.eu/en/medicines/human/referrals/metoclopramide-containing-medicines).

# 01-remote-symptom-monitoring.md:97 · Remote symptom monitoring during chemotherapy › Quiz
quiz-title = Quiz

# 01-remote-symptom-monitoring.md:99 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li1 = Giorno 10 dopo la chemioterapia: un paziente riferisce 37,4 °C, ma ha i brividi e non si sente bene. Come si interviene?

# 01-remote-symptom-monitoring.md:101 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li2 = Consigliare il paracetamolo e una nuova misurazione dopo 4 ore.

# 01-remote-symptom-monitoring.md:102 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li3 = Trattare il caso come un'allerta rossa: chiamare subito e organizzare una valutazione urgente.

# 01-remote-symptom-monitoring.md:103 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li4 = Prenotare un esame del sangue per il prossimo giorno di ambulatorio.

# 01-remote-symptom-monitoring.md:105 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li5 = Un paziente riferisce 5 scariche al giorno in più rispetto al basale. Di quale grado CTCAE v5.0 è la diarrea?

# 01-remote-symptom-monitoring.md:107 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li6 = Grado 1

# 01-remote-symptom-monitoring.md:108 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li7 = Grado 2

# 01-remote-symptom-monitoring.md:109 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li8 = Grado 3

# 01-remote-symptom-monitoring.md:111 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li9 = Qual è la dose massima di metoclopramide per un adulto in 24 ore?

# 01-remote-symptom-monitoring.md:113 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li10 = 10 mg

# 01-remote-symptom-monitoring.md:114 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li11 = 30 mg

# 01-remote-symptom-monitoring.md:115 · Remote symptom monitoring during chemotherapy › Quiz
quiz-li12 = 60 mg

# 01-remote-symptom-monitoring.md:126 · Remote symptom monitoring during chemotherapy › Quiz › Check yourself
check-yourself-title = Verifica

# 01-remote-symptom-monitoring.md:127 · Remote symptom monitoring during chemotherapy › Quiz › Check yourself
check-yourself-p1 = <b>Domanda 4.</b> Nove giorni dopo il docetaxel, un paziente riferisce 37,8 °C, brividi e malessere. Si tratta di un'allerta rossa?

# 01-remote-symptom-monitoring.md:129 · Remote symptom monitoring during chemotherapy › Quiz › Check yourself
check-yourself-summary1 = Mostra la risposta

# 01-remote-symptom-monitoring.md:130 · Remote symptom monitoring during chemotherapy › Quiz › Check yourself
check-yourself-p2 = Sì. Brividi o malessere dopo la chemioterapia costituiscono un'allerta rossa anche al di sotto di 38,0 °C: chiamare subito e organizzare una valutazione urgente.

# 01-remote-symptom-monitoring.md:117 · Remote symptom monitoring during chemotherapy › Quiz › Answers
answers-title = Risposte

# 01-remote-symptom-monitoring.md:119 · Remote symptom monitoring during chemotherapy › Quiz › Answers
answers-p1 = Malessere o brividi dopo la chemioterapia richiedono una valutazione urgente anche in assenza di febbre. Da quattro a sei scariche in più rispetto al basale corrispondono al grado 2. La metoclopramide è limitata a 10 mg tre volte al giorno (30 mg in 24 ore) per un massimo di 5 giorni.

# 01-remote-symptom-monitoring.md:121 · Remote symptom monitoring during chemotherapy › References
references-title = Bibliografia

# 01-remote-symptom-monitoring.md:131 · Remote symptom monitoring during chemotherapy › References
references-p1 = *Contenuto formativo di esempio per il collaudo di software. Non sostituisce i protocolli locali.*
