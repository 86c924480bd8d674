module.exports = {
  displayName: "example: jest-preset",
  rootDir: __dirname,
  preset: "@stepwise/jest",
  testMatch: ["<rootDir>/test/**/*.test.ts"],
};
