/**
 * Every call the suite makes into a browser, bounded and named. A call through DevTools or BiDi
 * can fail to settle (a page whose navigation the protocol waits on, a frame closing in another
 * process); unbounded, that hangs the whole check until vitest's timeout says only "timed out",
 * with no word of which step it was. Bounded, the failure names the step and its arguments.
 */
import { traceStep } from './call-trace.js';
import { settlesWithin, type Driver, type ExtensionPage, type TestPage } from './driver.js';

/** A page call (a click, a probe, a screenshot) answers well within this. */
const PAGE_CALL_MS = 60_000;
/** A browser-level call may start or restart the browser. */
const DRIVER_CALL_MS = 150_000;

function describeArgs(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? JSON.stringify(a.length > 80 ? `${a.slice(0, 80)}…` : a) : typeof a === 'object' && a !== null ? '{…}' : String(a))).join(', ');
}

function boundMethods<T extends object>(target: T, name: string, ms: number, wrapResult: (method: string, value: unknown) => unknown = (_, v) => v): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = Reflect.apply(value, obj, args);
        if (!(result instanceof Promise)) return result;
        const what = `${name}.${String(prop)}(${describeArgs(args)})`;
        const ended = traceStep(what);
        return settlesWithin(result, ms, what).then(
          (v) => {
            ended('ok');
            return wrapResult(String(prop), v);
          },
          (error: unknown) => {
            ended(`failed: ${String(error).slice(0, 200)}`);
            throw error;
          },
        );
      };
    },
  });
}

const boundPage = <P extends TestPage | ExtensionPage>(page: P, name: string): P => boundMethods(page, name, PAGE_CALL_MS);

/** The driver, and every page it opens, with each call bounded. */
export function boundedDriver(driver: Driver): Driver {
  return boundMethods(driver, driver.name, DRIVER_CALL_MS, (method, value) => {
    if (method === 'open' || method === 'openPopup') return boundPage(value as TestPage, `page(${(value as TestPage).url})`);
    if (method === 'openExtensionPage') return boundPage(value as ExtensionPage, 'extension page');
    return value;
  });
}
