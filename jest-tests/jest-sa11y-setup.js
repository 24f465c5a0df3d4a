// Registers `toBeAccessible()` (sa11y / axe-core) for every Jest test.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
