### Italian translation of the DigiCanTrain sample course (hand-made for kurso's sample content).
### Same IDs and order as locales/en; drug names in tables marked "Keep the drug names in English" are kept as written.

# course.yaml:1 · title
title = Competenze digitali nell'assistenza oncologica — Monitoraggio da remoto, portali per i pazienti e tumor board virtuali

# course.yaml:3 · summary
summary = Un corso di formazione continua per il personale dell'assistenza oncologica su tre pratiche digitali che stanno cambiando il lavoro quotidiano in oncologia. I partecipanti imparano ad agire in sicurezza sulla base degli esiti riferiti dal paziente in formato elettronico, a comunicare attraverso i portali per i pazienti con un linguaggio chiaro e accessibile e a preparare e documentare le decisioni dei tumor board virtuali. Il corso è offerto come microcredenziale cumulabile, insieme a crediti ECTS e CME.

# course.yaml:10 · audience › 1
audience-1 = Medici

# course.yaml:11 · audience › 2
audience-2 = Infermieri

# course.yaml:12 · audience › 3
audience-3 = Farmacisti

# course.yaml:18 · learning-outcomes › 1
learning-outcomes-1 = Attribuire il grado alle tossicità da chemioterapia segnalate attraverso i sistemi ePRO secondo i CTCAE v5.0 e intervenire in base alle soglie di allerta concordate.

# course.yaml:19 · learning-outcomes › 2
learning-outcomes-2 = Riconoscere a distanza una possibile sepsi neutropenica e organizzare senza ritardo la valutazione del paziente.

# course.yaml:20 · learning-outcomes › 3
learning-outcomes-3 = Riscrivere in linguaggio chiaro i messaggi del portale e le istruzioni sui farmaci senza modificare dosi o soglie, e verificare la comprensione con il metodo teach-back.

# course.yaml:21 · learning-outcomes › 4
learning-outcomes-4 = Applicare i requisiti WCAG 2.2 di livello AA ai contenuti digitali destinati ai pazienti.

# course.yaml:22 · learning-outcomes › 5
learning-outcomes-5 = Preparare, presentare e documentare un caso in un tumor board multidisciplinare virtuale nel rispetto del GDPR.

# course.yaml:25 · activities › synchronous › 1 › title
activities-synchronous-1-title = Workshop di triage degli ePRO

# course.yaml:26 · activities › synchronous › 1 › description
activities-synchronous-1-description = In piccoli gruppi, eseguire il triage di una coda di allerte ePRO simulate, attribuire il grado a ciascuna segnalazione secondo i CTCAE v5.0 e concordare la risposta.

# course.yaml:28 · activities › synchronous › 2 › title
activities-synchronous-2-title = Esercitazione sul teach-back

# course.yaml:29 · activities › synchronous › 2 › description
activities-synchronous-2-description = Esercitarsi nel teach-back in videochiamata con un paziente simulato addestrato e ricevere un feedback strutturato.

# course.yaml:31 · activities › synchronous › 3 › title
activities-synchronous-3-title = Simulazione di tumor board virtuale

# course.yaml:32 · activities › synchronous › 3 › description
activities-synchronous-3-description = Presentare un caso preparato in un tumor board simulato online e redigere il verbale della decisione.

# course.yaml:35 · activities › asynchronous › 1 › title
activities-asynchronous-1-title = Moduli di e-learning

# course.yaml:36 · activities › asynchronous › 1 › description
activities-asynchronous-1-description = Completare i tre moduli online e i relativi quiz (soglia di superamento 80 %).

# course.yaml:38 · activities › asynchronous › 2 › title
activities-asynchronous-2-title = Riscrittura in linguaggio chiaro

# course.yaml:39 · activities › asynchronous › 2 › description
activities-asynchronous-2-description = Riscrivere tre messaggi reali (anonimizzati) del portale e una sezione del foglio illustrativo di un farmaco, quindi verificarli con la checklist del corso.

# course.yaml:41 · activities › asynchronous › 3 › title
activities-asynchronous-3-title = Progetto sul luogo di lavoro

# course.yaml:42 · activities › asynchronous › 3 › description
activities-asynchronous-3-description = Mappare un percorso digitale del proprio servizio, ad esempio le allerte ePRO o la preparazione del tumor board, e proporre un miglioramento misurabile.
