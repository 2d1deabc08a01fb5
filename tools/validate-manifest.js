#!/usr/bin/env node
// Validates a Teams app manifest offline against the official JSON schema bundled in
// @microsoft/app-manifest (its validateManifest() fetches the schema from the web instead).
//
//   node tools/validate-manifest.js <manifest.json>
//
// Prints { "manifestVersion": "...", "schema": "<path>", "errors": [...] } and exits 0 when the
// list is empty, 1 when it is not, 2 on bad input.
'use strict';

const fs = require('fs');
const path = require('path');
const { ManifestUtil } = require('@microsoft/app-manifest');

async function main() {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node tools/validate-manifest.js <manifest.json>\n');
    process.exit(2);
  }
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  const version = manifest.manifestVersion;
  if (!/^\d+\.\d+$/.test(String(version))) {
    process.stderr.write(`manifestVersion '${version}' is not a schema version\n`);
    process.exit(2);
  }
  const schemaPath = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  const errors = await ManifestUtil.validateManifestAgainstSchema(manifest, schema);
  process.stdout.write(JSON.stringify({ manifestVersion: version, schema: path.relative(process.cwd(), schemaPath), errors }, null, 2) + '\n');
  process.exit(errors.length === 0 ? 0 : 1);
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exit(2);
});
