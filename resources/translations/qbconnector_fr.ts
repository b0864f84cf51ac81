<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ChipBox</name>
    <message>
        <source>Type text, or press + to add a variable</source>
        <translation>Tapez du texte, ou appuyez sur + pour ajouter une variable</translation>
    </message>
    <message>
        <source>Text {number}</source>
        <translation>Texte {number}</translation>
    </message>
    <message>
        <source>Variable: {label}</source>
        <translation>Variable : {label}</translation>
    </message>
    <message>
        <source>Remove {label}</source>
        <translation>Retirer {label}</translation>
    </message>
</context>
<context>
    <name>ChipTemplateEditor</name>
    <message>
        <source>Invoice description</source>
        <translation>Description de la facture</translation>
    </message>
    <message>
        <source>Quote description</source>
        <translation>Description de la soumission</translation>
    </message>
    <message>
        <source>Add a FlowFit variable</source>
        <translation>Ajouter une variable FlowFit</translation>
    </message>
    <message>
        <source>Text form:</source>
        <translation>Forme texte :</translation>
    </message>
    <message>
        <source>Naming convention as text</source>
        <translation>Convention de nommage en texte</translation>
    </message>
    <message>
        <source>Variables are written %NAME%; write %% for a percent sign.</source>
        <translation>Les variables s’écrivent %NOM% ; écrivez %% pour un signe de pourcentage.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Preview: {text}</source>
        <translation>Aperçu : {text}</translation>
    </message>
    <message>
        <source>Up to {count} characters with the longest values</source>
        <translation>Jusqu’à {count} caractères avec les valeurs les plus longues</translation>
    </message>
</context>
<context>
    <name>TemplateMessages</name>
    <message>
        <source>The % at character {column} is not closed. End the variable with % or write %% for a percent sign.</source>
        <translation>Le % au caractère {column} n’est pas fermé. Terminez la variable par % ou écrivez %% pour un signe de pourcentage.</translation>
    </message>
    <message>
        <source>The % at character {column} starts a variable, but “{name}” is not a variable name. Write %% for a percent sign.</source>
        <translation>Le % au caractère {column} commence une variable, mais « {name} » n’est pas un nom de variable. Écrivez %% pour un signe de pourcentage.</translation>
    </message>
    <message>
        <source>Unknown variable %{name}% at character {column}.</source>
        <translation>Variable inconnue %{name}% au caractère {column}.</translation>
    </message>
    <message>
        <source>Did you mean %{name}%?</source>
        <translation>Vouliez-vous dire %{name}% ?</translation>
    </message>
    <message>
        <source>%{name}% cannot be used in quotes: they have no such value.</source>
        <translation>%{name}% ne peut pas servir dans les soumissions : elles n’ont pas cette valeur.</translation>
    </message>
    <message>
        <source>%{name}% cannot be used in invoices: they have no such value.</source>
        <translation>%{name}% ne peut pas servir dans les factures : elles n’ont pas cette valeur.</translation>
    </message>
    <message>
        <source>The description is {length} characters long; QuickBooks accepts at most {limit}.</source>
        <translation>La description compte {length} caractères ; QuickBooks en accepte au plus {limit}.</translation>
    </message>
</context>
</TS>
