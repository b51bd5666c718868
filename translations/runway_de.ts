<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Runway, a BPMN 2.0 modeler and simulator.</source>
        <translation>Runway, ein Modellierer und Simulator für BPMN 2.0.</translation>
    </message>
    <message>
        <source>The BPMN 2.0 files to open, each in a tab.</source>
        <translation>Die BPMN-2.0-Dateien, die geöffnet werden sollen, jede in einem eigenen Tab.</translation>
    </message>
    <message>
        <source>Save a picture of the window to &lt;png&gt; and quit.</source>
        <translation>Ein Bild des Fensters in &lt;png&gt; speichern und beenden.</translation>
    </message>
</context>
<context>
    <name>runway::app::DeployExport</name>
    <message>
        <source>The model could not be copied for conversion; see the problems listed.</source>
        <translation>Das Modell konnte für die Umwandlung nicht kopiert werden; siehe die aufgeführten Probleme.</translation>
    </message>
    <message>
        <source>%1 would reject the model, so nothing was written. Fix the errors listed and export again.</source>
        <translation>%1 würde das Modell ablehnen, daher wurde nichts geschrieben. Beheben Sie die aufgeführten Fehler und exportieren Sie erneut.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export for %1</source>
        <translation>Für %1 exportieren</translation>
    </message>
    <message>
        <source>Camunda 8</source>
        <translation>Camunda 8</translation>
    </message>
    <message>
        <source>Camunda 7</source>
        <translation>Camunda 7</translation>
    </message>
    <message>
        <source>Engine version to check and export for:</source>
        <translation>Engine-Version, für die geprüft und exportiert wird:</translation>
    </message>
    <message>
        <source>Conversion report: nothing to convert.</source>
        <translation>Umwandlungsbericht: nichts umzuwandeln.</translation>
    </message>
    <message>
        <source>Conversion report for %1:</source>
        <translation>Umwandlungsbericht für %1:</translation>
    </message>
    <message>
        <source>%1 finds no problems.</source>
        <translation>%1 findet keine Probleme.</translation>
    </message>
    <message>
        <source>Problems for %1:</source>
        <translation>Probleme für %1:</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 was written for %2.</source>
        <translation>%1 wurde für %2 geschrieben.</translation>
    </message>
    <message>
        <source>Some settings could not be carried over exactly; see the details.</source>
        <translation>Einige Einstellungen konnten nicht genau übernommen werden; siehe Details.</translation>
    </message>
</context>
<context>
    <name>runway::app::MainWindow</name>
    <message>
        <source>Export for Camunda &amp;8…</source>
        <translation>Für Camunda &amp;8 exportieren…</translation>
    </message>
    <message>
        <source>Convert a copy for Camunda 8 and write it if Camunda 8 would deploy it</source>
        <translation>Eine Kopie für Camunda 8 umwandeln und schreiben, wenn Camunda 8 sie bereitstellen würde</translation>
    </message>
    <message>
        <source>Export for Camunda &amp;7…</source>
        <translation>Für Camunda &amp;7 exportieren…</translation>
    </message>
    <message>
        <source>Convert a copy for Camunda 7 and write it if Camunda 7 would deploy it</source>
        <translation>Eine Kopie für Camunda 7 umwandeln und schreiben, wenn Camunda 7 sie bereitstellen würde</translation>
    </message>
    <message>
        <source>Export as &amp;Plain BPMN…</source>
        <translation>Als rei&amp;nes BPMN exportieren…</translation>
    </message>
    <message>
        <source>Write a copy without the engine mark, if it passes the structural checks</source>
        <translation>Eine Kopie ohne Angabe der Engine schreiben, wenn sie die strukturellen Prüfungen besteht</translation>
    </message>
    <message>
        <source>Checked for %1</source>
        <translation>Geprüft für %1</translation>
    </message>
    <message>
        <source>The problems list the structural checks and the rules of %1, the engine the file names</source>
        <translation>Die Probleme umfassen die strukturellen Prüfungen und die Regeln von %1, der Engine, die die Datei nennt</translation>
    </message>
    <message>
        <source>There is no model to export. Open a file first.</source>
        <translation>Es gibt kein Modell zum Exportieren. Öffnen Sie zuerst eine Datei.</translation>
    </message>
    <message>
        <source>Exported %1 for %2</source>
        <translation>%1 für %2 exportiert</translation>
    </message>
    <message>
        <source>Export for %1</source>
        <translation>Für %1 exportieren</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a BPMN 2.0 file</source>
        <translation>Eine BPMN-2.0-Datei öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Example</source>
        <translation>Beis&amp;piel öffnen</translation>
    </message>
    <message>
        <source>Open the bundled example, an automatic airline check-in</source>
        <translation>Das mitgelieferte Beispiel öffnen, einen automatischen Flug-Check-in</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Read the file again from disk</source>
        <translation>Die Datei erneut vom Datenträger lesen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Expand All</source>
        <translation>Alle &amp;aufklappen</translation>
    </message>
    <message>
        <source>C&amp;ollapse All</source>
        <translation>Alle &amp;zuklappen</translation>
    </message>
    <message>
        <source>&amp;About Runway</source>
        <translation>Ü&amp;ber Runway</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>%1 could not be read.

%2

The Problems list below has the details.</source>
        <translation>%1 konnte nicht gelesen werden.

%2

Einzelheiten stehen in der Liste „Probleme“ unten.</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>%1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>No file is open.

Open a BPMN 2.0 file with File ▸ Open (%1), drop one here, or try File ▸ Open Example.</source>
        <translation>Keine Datei geöffnet.

Öffnen Sie eine BPMN-2.0-Datei mit Datei ▸ Öffnen (%1), ziehen Sie eine hierher oder probieren Sie Datei ▸ Beispiel öffnen.</translation>
    </message>
    <message>
        <source>Open BPMN File</source>
        <translation>BPMN-Datei öffnen</translation>
    </message>
    <message>
        <source>BPMN 2.0 files (*.bpmn *.bpmn2 *.xml);;All files (*)</source>
        <translation>BPMN-2.0-Dateien (*.bpmn *.bpmn2 *.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Runway %1&lt;/h3&gt;&lt;p&gt;A desktop BPMN 2.0 modeler and simulator.&lt;/p&gt;&lt;p&gt;License: %2.&lt;/p&gt;&lt;p&gt;Built with Qt %3; running on Qt %4.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Runway %1&lt;/h3&gt;&lt;p&gt;Ein Modellierer und Simulator für BPMN 2.0 auf dem Desktop.&lt;/p&gt;&lt;p&gt;Lizenz: %2.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %3; läuft mit Qt %4.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Runway</source>
        <translation>Über Runway</translation>
    </message>
    <message>
        <source>Runway</source>
        <translation>Runway</translation>
    </message>
    <message>
        <source>%1 (not loaded) — Runway</source>
        <translation>%1 (nicht geladen) — Runway</translation>
    </message>
    <message>
        <source>Processes: %1</source>
        <translation>Prozesse: %1</translation>
    </message>
    <message>
        <source>Pools: %1</source>
        <translation>Pools: %1</translation>
    </message>
    <message>
        <source>Flow nodes: %1</source>
        <translation>Flussknoten: %1</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Nicht geladen</translation>
    </message>
    <message>
        <source>Errors: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Warnings: %1</source>
        <translation>Warnungen: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>No problems found in %1.</source>
        <translation>Keine Probleme in %1 gefunden.</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them before closing?</source>
        <translation>%1 hat Änderungen, die nicht gespeichert sind. Vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Gliederung</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Start a new diagram with one process and its start event</source>
        <translation>Ein neues Diagramm mit einem Prozess und seinem Startereignis beginnen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save Failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export Diagram…</source>
        <translation>Diagramm &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the diagram shown as an SVG, PNG or PDF image</source>
        <translation>Das angezeigte Diagramm als SVG-, PNG- oder PDF-Bild speichern</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>&amp;Minimap</source>
        <translation>Über&amp;sichtskarte</translation>
    </message>
    <message>
        <source>&amp;Back to Parent Diagram</source>
        <translation>&amp;Zurück zum übergeordneten Diagramm</translation>
    </message>
    <message>
        <source>Leave the sub-process drilled into (double-click a collapsed sub-process to enter it)</source>
        <translation>Den geöffneten Teilprozess verlassen (ein Doppelklick auf einen zugeklappten Teilprozess öffnet ihn)</translation>
    </message>
    <message>
        <source>No outline: the file could not be read.</source>
        <translation>Keine Gliederung: Die Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No file is open.</source>
        <translation>Keine Datei geöffnet.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1[*] — Runway</source>
        <translation>%1[*] — Runway</translation>
    </message>
    <message>
        <source>%1 (not loaded)</source>
        <translation>%1 (nicht geladen)</translation>
    </message>
    <message>
        <source>Untitled %1</source>
        <translation>Unbenannt %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save BPMN File</source>
        <translation>BPMN-Datei speichern</translation>
    </message>
    <message>
        <source>There is no diagram to export. Open a file with a diagram first.</source>
        <translation>Es gibt kein Diagramm zum Exportieren. Öffnen Sie zuerst eine Datei mit einem Diagramm.</translation>
    </message>
    <message>
        <source>%1: unknown image format. Use a name ending in .svg, .png or .pdf.</source>
        <translation>%1: unbekanntes Bildformat. Verwenden Sie einen Namen, der auf .svg, .png oder .pdf endet.</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Export Diagram</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>SVG image (*.svg);;PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>SVG-Bild (*.svg);;PNG-Bild (*.png);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>runway::app::ProblemsPanel</name>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Error at %1</source>
        <translation>Fehler bei %1</translation>
    </message>
    <message>
        <source>Warning at %1</source>
        <translation>Warnung bei %1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>runway::app::PropertiesPanel</name>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Extension elements</source>
        <translation>Erweiterungselemente</translation>
    </message>
    <message>
        <source>Select an element on the canvas to see its properties.</source>
        <translation>Wählen Sie ein Element auf der Zeichenfläche, um seine Eigenschaften zu sehen.</translation>
    </message>
</context>
<context>
    <name>runway::app::RecentFiles</name>
    <message>
        <source>No Recent Files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
</context>
<context>
    <name>runway::app::SimulationController</name>
    <message>
        <source> steps/s</source>
        <translation> Schritte/s</translation>
    </message>
    <message>
        <source>%1 is no positive duration without years or months; write it like PT5M or P2D.</source>
        <translation>%1 ist keine positive Dauer ohne Jahre oder Monate; schreiben Sie sie etwa als PT5M oder P2D.</translation>
    </message>
    <message>
        <source>%1 is not a start event of the process.</source>
        <translation>%1 ist kein Startereignis des Prozesses.</translation>
    </message>
    <message>
        <source>&amp;Simulate</source>
        <translation>&amp;Simulieren</translation>
    </message>
    <message>
        <source>Advance By</source>
        <translation>Vorspulen um</translation>
    </message>
    <message>
        <source>Advance By…</source>
        <translation>Vorspulen um…</translation>
    </message>
    <message>
        <source>Animation speed while playing</source>
        <translation>Animationsgeschwindigkeit beim Abspielen</translation>
    </message>
    <message>
        <source>Broadcast Signal</source>
        <translation>Signal senden</translation>
    </message>
    <message>
        <source>Broadcast Signal &quot;%1&quot;</source>
        <translation>Signal „%1“ senden</translation>
    </message>
    <message>
        <source>Broadcast Signal…</source>
        <translation>Signal senden…</translation>
    </message>
    <message>
        <source>Complete Task</source>
        <translation>Aufgabe abschließen</translation>
    </message>
    <message>
        <source>Complete with Variables…</source>
        <translation>Mit Variablen abschließen…</translation>
    </message>
    <message>
        <source>Duration (ISO 8601, e.g. PT5M or P1DT2H):</source>
        <translation>Dauer (ISO 8601, z. B. PT5M oder P1DT2H):</translation>
    </message>
    <message>
        <source>Error code thrown by %1:</source>
        <translation>Von %1 geworfener Fehlercode:</translation>
    </message>
    <message>
        <source>Fail Activity</source>
        <translation>Aktivität fehlschlagen lassen</translation>
    </message>
    <message>
        <source>Fail with Error Code…</source>
        <translation>Mit Fehlercode fehlschlagen lassen…</translation>
    </message>
    <message>
        <source>How many actions Step Back undoes</source>
        <translation>Wie viele Aktionen „Schritt zurück“ rückgängig macht</translation>
    </message>
    <message>
        <source>Incident at %1: %2</source>
        <translation>Störung bei %1: %2</translation>
    </message>
    <message>
        <source>Instance %1 finished.</source>
        <translation>Instanz %1 ist beendet.</translation>
    </message>
    <message>
        <source>Instance %1 waits for a decision at %2: %3</source>
        <translation>Instanz %1 wartet bei %2 auf eine Entscheidung: %3</translation>
    </message>
    <message>
        <source>Message name:</source>
        <translation>Name der Nachricht:</translation>
    </message>
    <message>
        <source>Next Timer</source>
        <translation>Nächster Timer</translation>
    </message>
    <message>
        <source>No instance is at %1 to fail.</source>
        <translation>Keine Instanz ist bei %1, die fehlschlagen könnte.</translation>
    </message>
    <message>
        <source>No instance waits at %1 to be completed.</source>
        <translation>Keine Instanz wartet bei %1 darauf, abgeschlossen zu werden.</translation>
    </message>
    <message>
        <source>No instance waits for the message %1.</source>
        <translation>Keine Instanz wartet auf die Nachricht %1.</translation>
    </message>
    <message>
        <source>No timer is waiting.</source>
        <translation>Kein Timer wartet.</translation>
    </message>
    <message>
        <source>Nothing moves without time passing or outside help: use Next Timer, Advance By or a trigger.</source>
        <translation>Ohne vergehende Zeit oder Hilfe von außen bewegt sich nichts: Verwenden Sie „Nächster Timer“, „Vorspulen um“ oder einen Auslöser.</translation>
    </message>
    <message>
        <source>Nothing waits at %1 for a trigger.</source>
        <translation>Bei %1 wartet nichts auf einen Auslöser.</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Run the process in virtual time; editing is locked until you leave</source>
        <translation>Den Prozess in virtueller Zeit ausführen; Bearbeiten ist gesperrt, bis Sie die Simulation verlassen</translation>
    </message>
    <message>
        <source>Send Message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Send Message &quot;%1&quot;</source>
        <translation>Nachricht „%1“ senden</translation>
    </message>
    <message>
        <source>Send Message…</source>
        <translation>Nachricht senden…</translation>
    </message>
    <message>
        <source>Signal name:</source>
        <translation>Name des Signals:</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>Start Instance</source>
        <translation>Instanz starten</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Step Back</source>
        <translation>Schritt zurück</translation>
    </message>
    <message>
        <source>The start event a new instance starts at</source>
        <translation>Das Startereignis, an dem eine neue Instanz beginnt</translation>
    </message>
    <message>
        <source>The variables are not FEEL: %1. Write a context such as {amount: 100, name: &quot;Ada&quot;}.</source>
        <translation>Die Variablen sind kein FEEL: %1. Schreiben Sie einen Kontext wie {amount: 100, name: &quot;Ada&quot;}.</translation>
    </message>
    <message>
        <source>The variables must be a context such as {amount: 100, name: &quot;Ada&quot;}.</source>
        <translation>Die Variablen müssen ein Kontext sein, etwa {amount: 100, name: &quot;Ada&quot;}.</translation>
    </message>
    <message>
        <source>The virtual date and time of the simulation (UTC)</source>
        <translation>Virtuelles Datum und virtuelle Uhrzeit der Simulation (UTC)</translation>
    </message>
    <message>
        <source>There is no diagram to simulate: open a BPMN file with a diagram first.</source>
        <translation>Es gibt kein Diagramm zum Simulieren: Öffnen Sie zuerst eine BPMN-Datei mit einem Diagramm.</translation>
    </message>
    <message>
        <source>There is nothing to step back to.</source>
        <translation>Es gibt nichts, wohin zurückgegangen werden kann.</translation>
    </message>
    <message>
        <source>This document cannot be simulated%1. Fix the problems listed in the Problems panel and try again.</source>
        <translation>Dieses Dokument kann nicht simuliert werden%1. Beheben Sie die Probleme im Bereich „Probleme“ und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslösen</translation>
    </message>
    <message>
        <source>Variables to set (a FEEL context, e.g. {approved: true}):</source>
        <translation>Zu setzende Variablen (ein FEEL-Kontext, z. B. {approved: true}):</translation>
    </message>
    <message>
        <source>Variables, e.g. {amount: 100}</source>
        <translation>Variablen, z. B. {amount: 100}</translation>
    </message>
    <message>
        <source>Virtual time: %1</source>
        <translation>Virtuelle Zeit: %1</translation>
    </message>
    <message>
        <source>fastest</source>
        <translation>am schnellsten</translation>
    </message>
    <message numerus="yes">
        <source>The signal %1 reached %n instance(s).</source>
        <translation>
            <numerusform>Das Signal %1 hat %n Instanz erreicht.</numerusform>
            <numerusform>Das Signal %1 hat %n Instanzen erreicht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>runway::app::SimulationDock</name>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write the event log to %1: %2. Choose another folder or file name.</source>
        <translation>Das Ereignisprotokoll konnte nicht nach %1 geschrieben werden: %2. Wählen Sie einen anderen Ordner oder Dateinamen.</translation>
    </message>
    <message>
        <source>Event Log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export Event Log</source>
        <translation>Ereignisprotokoll exportieren</translation>
    </message>
    <message>
        <source>Export Event Log as CSV</source>
        <translation>Ereignisprotokoll als CSV exportieren</translation>
    </message>
    <message>
        <source>Export Event Log as JSON</source>
        <translation>Ereignisprotokoll als JSON exportieren</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Als JSON exportieren…</translation>
    </message>
    <message>
        <source>Filter by element or detail</source>
        <translation>Nach Element oder Detail filtern</translation>
    </message>
    <message>
        <source>Instance:</source>
        <translation>Instanz:</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
</context>
<context>
    <name>runway::modeler::ProcessTreeModel</name>
    <message>
        <source>(unnamed process)</source>
        <translation>(unbenannter Prozess)</translation>
    </message>
    <message>
        <source>Flow nodes: %1</source>
        <translation>Flussknoten: %1</translation>
    </message>
    <message>
        <source>(unnamed pool)</source>
        <translation>(unbenannter Pool)</translation>
    </message>
    <message>
        <source>(unnamed lane)</source>
        <translation>(unbenannte Lane)</translation>
    </message>
    <message>
        <source>Process, executable</source>
        <translation>Prozess, ausführbar</translation>
    </message>
    <message>
        <source>Process, not executable</source>
        <translation>Prozess, nicht ausführbar</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>Pool without a process (black box)</source>
        <translation>Pool ohne Prozess (Blackbox)</translation>
    </message>
    <message>
        <source>Pool → %1 (no such process)</source>
        <translation>Pool → %1 (kein solcher Prozess)</translation>
    </message>
    <message>
        <source>Pool → %1</source>
        <translation>Pool → %1</translation>
    </message>
    <message>
        <source>Lane, flow nodes: %1</source>
        <translation>Lane, Flussknoten: %1</translation>
    </message>
    <message>
        <source>Tasks: %1</source>
        <translation>Aufgaben: %1</translation>
    </message>
    <message>
        <source>Gateways: %1</source>
        <translation>Gateways: %1</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Ereignisse: %1</translation>
    </message>
    <message>
        <source>Sub-processes: %1</source>
        <translation>Teilprozesse: %1</translation>
    </message>
    <message>
        <source>Call activities: %1</source>
        <translation>Aufrufaktivitäten: %1</translation>
    </message>
    <message>
        <source>Other: %1</source>
        <translation>Andere: %1</translation>
    </message>
    <message>
        <source>Flow nodes of this process, sub-processes included</source>
        <translation>Flussknoten dieses Prozesses, einschließlich der Teilprozesse</translation>
    </message>
    <message>
        <source>no id</source>
        <translation>keine ID</translation>
    </message>
    <message>
        <source>id: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>runway::modeler::canvas::DocumentView</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back to the diagram before the last drill-down (%1)</source>
        <translation>Zurück zum Diagramm vor dem letzten Öffnen eines Teilprozesses (%1)</translation>
    </message>
    <message>
        <source>This file has no diagram to show: it holds the model only. The outline shows what is in it.</source>
        <translation>Diese Datei enthält kein Diagramm, nur das Modell. Die Gliederung zeigt, was darin steht.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose another folder or file name.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Wählen Sie einen anderen Ordner oder Dateinamen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. The file was left as it was; free some space or choose another place.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Die Datei blieb unverändert; schaffen Sie Platz oder wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <source>Diagram %1</source>
        <translation>Diagramm %1</translation>
    </message>
</context>
<context>
    <name>runway::modeler::canvas::Minimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>Übersicht: Klicken oder Ziehen verschiebt die Ansicht</translation>
    </message>
</context>
</TS>
