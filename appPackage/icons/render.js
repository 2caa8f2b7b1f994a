// Draws appPackage/color.png and outline.png from the SVG sources beside
// this file: `npm run icons`. tests/teams/app-package.test.ts checks that the
// committed PNGs still match their sources.
const fs = require('node:fs');
const path = require('node:path');
const { Resvg } = require('@resvg/resvg-js');

const ICONS = { color: 192, outline: 32 };

function render(name) {
  const svg = fs.readFileSync(path.join(__dirname, `${name}.svg`), 'utf8');
  return new Resvg(svg, { fitTo: { mode: 'width', value: ICONS[name] }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

module.exports = { render, ICONS };

if (require.main === module) {
  for (const name of Object.keys(ICONS)) {
    fs.writeFileSync(path.join(__dirname, '..', `${name}.png`), render(name));
    process.stdout.write(`appPackage/${name}.png (${ICONS[name]}×${ICONS[name]})\n`);
  }
}
