<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AccessBar</name>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
</context>
<context>
    <name>CauseScreen</name>
    <message>
        <source>People sell these for this problem, but good studies do not show that they work.</source>
        <translation>Se venden para este problema, pero los buenos estudios no muestran que funcionen.</translation>
    </message>
    <message>
        <source>See a doctor soon if…</source>
        <translation>Vea pronto a un médico si…</translation>
    </message>
    <message>
        <source>What does it look like? See drawings</source>
        <translation>¿Cómo se ve? Vea dibujos</translation>
    </message>
    <message>
        <source>Signs that fit</source>
        <translation>Señales que coinciden</translation>
    </message>
    <message>
        <source>What your doctor may check</source>
        <translation>Lo que su médico puede revisar</translation>
    </message>
    <message>
        <source>Treatments that may help</source>
        <translation>Tratamientos que pueden ayudar</translation>
    </message>
    <message>
        <source>Sold for this, but not shown to work</source>
        <translation>Se venden para esto, pero no se ha probado que funcionen</translation>
    </message>
</context>
<context>
    <name>CausesScreen</name>
    <message>
        <source>What might be causing it?</source>
        <translation>¿Cuál podría ser la causa?</translation>
    </message>
    <message>
        <source>Tap the one that sounds closest. You can go back at any time.</source>
        <translation>Toque la que más se parezca a su caso. Puede volver atrás cuando quiera.</translation>
    </message>
    <message>
        <source>See a doctor soon if…</source>
        <translation>Vea pronto a un médico si…</translation>
    </message>
    <message>
        <source>What does it look like? See drawings</source>
        <translation>¿Cómo se ve? Vea dibujos</translation>
    </message>
    <message>
        <source>All treatments</source>
        <translation>Todos los tratamientos</translation>
    </message>
    <message>
        <source>What actually works? Compare treatments</source>
        <translation>¿Qué funciona de verdad? Compare los tratamientos</translation>
    </message>
</context>
<context>
    <name>ClosedScreen</name>
    <message>
        <source>The kiosk is resting. Touch the screen to start.</source>
        <translation>El quiosco está en reposo. Toque la pantalla para empezar.</translation>
    </message>
    <message>
        <source>Touch the screen to start</source>
        <translation>Toque la pantalla para empezar</translation>
    </message>
</context>
<context>
    <name>CompareScreen</name>
    <message>
        <source>Tested in many good trials and approved for hair loss.</source>
        <translation>Probado en muchos buenos estudios y aprobado para la caída del cabello.</translation>
    </message>
    <message>
        <source>Some trials show it helps, but results vary.</source>
        <translation>Algunos estudios muestran que ayuda, pero los resultados varían.</translation>
    </message>
    <message>
        <source>Only small or early studies. It may help some people.</source>
        <translation>Solo hay estudios pequeños o iniciales. Puede ayudar a algunas personas.</translation>
    </message>
    <message>
        <source>No good studies in people, or there are safety warnings.</source>
        <translation>No hay buenos estudios en personas, o hay avisos de seguridad.</translation>
    </message>
    <message>
        <source>What actually works?</source>
        <translation>¿Qué funciona de verdad?</translation>
    </message>
    <message>
        <source>Treatments sorted by how well they are shown to work. Tap one to read more.</source>
        <translation>Los tratamientos, según qué tan bien se ha probado que funcionan. Toque uno para leer más.</translation>
    </message>
    <message>
        <source>Show more treatments (%1 not shown yet)</source>
        <translation>Ver más tratamientos (faltan %1)</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>Para: %1</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>Strong evidence</source>
        <translation>Pruebas fuertes</translation>
    </message>
    <message>
        <source>Moderate evidence</source>
        <translation>Pruebas moderadas</translation>
    </message>
    <message>
        <source>Limited evidence</source>
        <translation>Pruebas limitadas</translation>
    </message>
    <message>
        <source>Not proven</source>
        <translation>No comprobado</translation>
    </message>
</context>
<context>
    <name>Frame</name>
    <message>
        <source>Hair loss: know your options</source>
        <translation>Caída del cabello: conozca sus opciones</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Words explained</source>
        <translation>Palabras explicadas</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Médico</translation>
    </message>
    <message>
        <source>My questions (%1)</source>
        <translation>Mis preguntas (%1)</translation>
    </message>
</context>
<context>
    <name>GlossaryScreen</name>
    <message>
        <source>Words explained</source>
        <translation>Palabras explicadas</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Hair loss: know your options</source>
        <translation>Caída del cabello: conozca sus opciones</translation>
    </message>
</context>
<context>
    <name>MyQuestions</name>
    <message>
        <source>Add to my questions</source>
        <translation>Agregar a mis preguntas</translation>
    </message>
    <message>
        <source>Questions to ask your doctor</source>
        <translation>Preguntas para su médico</translation>
    </message>
</context>
<context>
    <name>MyQuestionsScreen</name>
    <message>
        <source>You have not added any questions yet. On a treatment card, tap “Add to my questions” under each question you want to ask your doctor.</source>
        <translation>Todavía no ha agregado preguntas. En la página de un tratamiento, toque “Agregar a mis preguntas” debajo de cada pregunta que quiera hacerle a su médico.</translation>
    </message>
    <message>
        <source>Show this to your doctor. Or point your phone’s camera at the code to keep the questions as text.</source>
        <translation>Muestre esto a su médico. O apunte la cámara de su teléfono al código para guardar las preguntas como texto.</translation>
    </message>
    <message>
        <source>The code holds only the words above. Nothing is sent anywhere.</source>
        <translation>El código solo tiene las palabras de arriba. No se envía nada a ningún lugar.</translation>
    </message>
    <message>
        <source>My questions</source>
        <translation>Mis preguntas</translation>
    </message>
    <message>
        <source>Clear my questions</source>
        <translation>Borrar mis preguntas</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Borradas</translation>
    </message>
    <message>
        <source>Add when to get help now</source>
        <translation>Agregar cuándo buscar ayuda urgente</translation>
    </message>
    <message>
        <source>Your questions are too many for one code: scan all %1 codes, in order.</source>
        <translation>Sus preguntas no caben en un solo código: escanee los %1 códigos, en orden.</translation>
    </message>
    <message>
        <source>QR code of my questions</source>
        <translation>Código QR de mis preguntas</translation>
    </message>
    <message>
        <source>QR code of my questions, %1 of %2</source>
        <translation>Código QR de mis preguntas, %1 de %2</translation>
    </message>
    <message>
        <source>Code %1 of %2</source>
        <translation>Código %1 de %2</translation>
    </message>
    <message>
        <source>Take it with you</source>
        <translation>Llévelo con usted</translation>
    </message>
    <message>
        <source>Print my questions</source>
        <translation>Imprimir mis preguntas</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
</context>
<context>
    <name>PicturesScreen</name>
    <message>
        <source>What does it look like?</source>
        <translation>¿Cómo se ve?</translation>
    </message>
    <message>
        <source>A drawing cannot tell you the cause. Only a doctor can tell for sure. Show your doctor the pattern that looks closest to yours.</source>
        <translation>Un dibujo no puede decirle la causa. Solo un médico puede saberlo con certeza. Muestre a su médico el dibujo que más se parezca a su caso.</translation>
    </message>
    <message>
        <source>Drawing: %1</source>
        <translation>Dibujo: %1</translation>
    </message>
    <message>
        <source>Tap the drawing that looks most like your hair loss.</source>
        <translation>Toque el dibujo que más se parezca a su caída del cabello.</translation>
    </message>
    <message>
        <source>Pattern: %1</source>
        <translation>Patrón: %1</translation>
    </message>
    <message>
        <source>Only a doctor can tell for sure</source>
        <translation>Solo un médico puede saberlo con certeza</translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation>Leer: %1</translation>
    </message>
    <message>
        <source>Causes worth reading about</source>
        <translation>Causas que vale la pena leer</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer is not working right now. Take a photo of the code with your phone instead.</source>
        <translation>La impresora no funciona ahora. Mejor tome una foto del código con su teléfono.</translation>
    </message>
    <message>
        <source>Printed. Take your page from the printer.</source>
        <translation>Listo. Tome su hoja de la impresora.</translation>
    </message>
</context>
<context>
    <name>RedFlagsScreen</name>
    <message>
        <source>Some hair loss needs a doctor&apos;s help quickly. Book a visit if:</source>
        <translation>A veces la caída del cabello necesita ayuda médica pronto. Pida una cita si:</translation>
    </message>
    <message>
        <source>See a doctor soon if…</source>
        <translation>Vea pronto a un médico si…</translation>
    </message>
    <message>
        <source>Warning signs</source>
        <translation>Señales de alarma</translation>
    </message>
</context>
<context>
    <name>SignOff</name>
    <message>
        <source>Key points</source>
        <translation>Puntos clave</translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation>Qué hacer ahora</translation>
    </message>
    <message>
        <source>Not yet checked by a clinician.</source>
        <translation>Todavía no lo ha revisado un profesional de la salud.</translation>
    </message>
    <message>
        <source>Checked by %1, %2, on %3.</source>
        <translation>Revisado por %1, %2, el %3.</translation>
    </message>
    <message>
        <source>Sources: %1.</source>
        <translation>Fuentes: %1.</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Worried about hair loss?</source>
        <translation>¿Le preocupa la caída del cabello?</translation>
    </message>
    <message>
        <source>You are not alone. Hair loss is common, and there are many causes. Find out what might be going on, and what can help.</source>
        <translation>Esto le pasa a mucha gente. La caída del cabello es común y tiene muchas causas. Vea qué podría estar pasando y qué puede ayudar.</translation>
    </message>
    <message>
        <source>Tap to start</source>
        <translation>Toque para empezar</translation>
    </message>
    <message>
        <source>Find out what might cause hair loss and what can help</source>
        <translation>Vea qué puede causar la caída del cabello y qué puede ayudar</translation>
    </message>
    <message>
        <source>See a doctor soon if…</source>
        <translation>Vea pronto a un médico si…</translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>Sigo aquí</translation>
    </message>
    <message numerus="yes">
        <source>To keep your visit private, this screen will go back to the start. Seconds left: %n.</source>
        <translation>
            <numerusform>Para cuidar su privacidad, esta pantalla volverá al inicio. Segundos que quedan: %n.</numerusform>
            <numerusform>Para cuidar su privacidad, esta pantalla volverá al inicio. Segundos que quedan: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Seconds left: %n.</source>
        <translation>
            <numerusform>Queda %n segundo.</numerusform>
            <numerusform>Quedan %n segundos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>My questions for the doctor</source>
        <translation>Mis preguntas para el médico</translation>
    </message>
    <message>
        <source>My questions for the doctor (%1)</source>
        <translation>Mis preguntas para el médico (%1)</translation>
    </message>
    <message>
        <source>Get help now if:</source>
        <translation>Busque ayuda de inmediato si:</translation>
    </message>
    <message>
        <source>Part %1 of %2</source>
        <translation>Parte %1 de %2</translation>
    </message>
    <message>
        <source>Scan with your phone to keep these questions:</source>
        <translation>Escanee con su teléfono para guardar estas preguntas:</translation>
    </message>
</context>
<context>
    <name>TopicScreen</name>
    <message>
        <source>Read more</source>
        <translation>Lea más</translation>
    </message>
</context>
<context>
    <name>TreatmentScreen</name>
    <message>
        <source>How good is the evidence?</source>
        <translation>¿Qué tan buenas son las pruebas?</translation>
    </message>
    <message>
        <source>Get help now if…</source>
        <translation>Busque ayuda de inmediato si…</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>Qué es</translation>
    </message>
    <message>
        <source>How it is used</source>
        <translation>Cómo se usa</translation>
    </message>
    <message>
        <source>Is it approved?</source>
        <translation>¿Está aprobado?</translation>
    </message>
    <message>
        <source>Who it may help</source>
        <translation>A quién puede ayudar</translation>
    </message>
    <message>
        <source>When you might see results</source>
        <translation>Cuándo podría ver resultados</translation>
    </message>
    <message>
        <source>If you stop</source>
        <translation>Si lo deja</translation>
    </message>
    <message>
        <source>Side effects</source>
        <translation>Efectos secundarios</translation>
    </message>
    <message>
        <source>Who must not use it, or must ask first</source>
        <translation>Quién no debe usarlo, o debe preguntar antes</translation>
    </message>
    <message>
        <source>Sources last checked: %1.</source>
        <translation>Fuentes revisadas por última vez: %1.</translation>
    </message>
</context>
<context>
    <name>TreatmentsScreen</name>
    <message>
        <source>All treatments</source>
        <translation>Todos los tratamientos</translation>
    </message>
    <message>
        <source>Tap a treatment to read about it.</source>
        <translation>Toque un tratamiento para leer sobre él.</translation>
    </message>
    <message>
        <source>Show %1 more treatments (%2 not shown yet)</source>
        <translation>Ver %1 tratamientos más (faltan %2)</translation>
    </message>
</context>
<context>
    <name>VisitCounts</name>
    <message>
        <source>Nothing you tap here is saved or shared.</source>
        <translation>Nada de lo que toque aquí se guarda ni se comparte.</translation>
    </message>
    <message>
        <source>Nothing you tap here is saved or shared. The kiosk only keeps daily totals for everyone together: how often each screen and each card was opened, and how often a list of questions was shown or printed. It never keeps who you are, the time of day, or the order of your taps.</source>
        <translation>Nada de lo que toque aquí se guarda ni se comparte. El quiosco solo guarda totales por día de todas las personas juntas: cuántas veces se abrió cada pantalla y cada tratamiento, y cuántas veces se mostró o imprimió una lista de preguntas. Nunca guarda quién es usted, la hora ni el orden de sus toques.</translation>
    </message>
</context>
</TS>
