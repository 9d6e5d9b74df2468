import type { PdfDocument } from './pdfkit-internals';

/** The conformance the letter declares: PDF/A-3 level A (tagged), and PDF/UA-1 (see docs/pdf-accessibility.md). */
export const PDF_A_PART = 3;
export const PDF_A_CONFORMANCE = 'A';
export const PDF_UA_PART = 1;

const xmpDate = (date: Date) => `${date.toISOString().split('.')[0]}Z`;

/**
 * What PDFKit's XMP packet lacks for the letter's claims: `xmp:ModifyDate` (the Info dictionary has ModDate, and PDF/A
 * wants the two to agree), and the PDF/UA identifier together with the PDF/A extension schema that describes it (a
 * PDF/A file may only use XMP properties of predefined or described schemas).
 */
export function appendLetterXmp(doc: PdfDocument, modified: Date): void {
  doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${xmpDate(modified)}</xmp:ModifyDate>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
            xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas>
                <rdf:Bag>
                    <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                        <pdfaSchema:property>
                            <rdf:Seq>
                                <rdf:li rdf:parseType="Resource">
                                    <pdfaProperty:name>part</pdfaProperty:name>
                                    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                                    <pdfaProperty:category>internal</pdfaProperty:category>
                                    <pdfaProperty:description>ISO 14289 part</pdfaProperty:description>
                                </rdf:li>
                            </rdf:Seq>
                        </pdfaSchema:property>
                    </rdf:li>
                </rdf:Bag>
            </pdfaExtension:schemas>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>${PDF_UA_PART}</pdfuaid:part>
        </rdf:Description>`);
}
