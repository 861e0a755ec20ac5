// Validates SARIF files against the SARIF 2.1.0 JSON schema, for tests/sarif.rs.
//
//   node scripts/sarif/schema-check.js SCHEMA.json FILE.sarif ...
//
// ajv (npm, installed by .ci/run into target/sarif-tools with the schema that ships in
// @microsoft/sarif-multitool): prints each violation and exits 1 if any file has one.
// The schema is JSON Schema 2020-12; its `language` pattern holds a lone "]", valid
// only outside Unicode mode, hence `unicodeRegExp: false`.
const fs = require('fs');
const Ajv = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
let invalid = 0;
for (const file of files) {
  if (!validate(JSON.parse(fs.readFileSync(file, 'utf8')))) {
    invalid++;
    for (const e of validate.errors) {
      console.log(`${file}: ${e.instancePath || '/'} ${e.message}`);
    }
  }
}
process.exit(invalid ? 1 : 0);
