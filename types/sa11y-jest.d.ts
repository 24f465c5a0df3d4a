// `toBeAccessible()` is registered globally in jest-tests/jest-sa11y-setup.js.
declare namespace jest {
    interface Matchers<R> {
        toBeAccessible(config?: unknown): Promise<R>;
    }
}
