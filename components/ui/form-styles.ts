// Class names shared by the account, users and assignments screens.
export const inputCls =
  'block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500';
export const buttonCls = 'rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60';
export const secondaryButtonCls = 'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60';
export const dangerButtonCls = 'rounded-md border border-rose-200 bg-white px-2.5 py-1 text-xs font-medium text-rose-700 hover:bg-rose-50 disabled:opacity-60';
export const panelCls = 'rounded-lg border border-slate-200 bg-white';
export const thCls = 'px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500';
export const tdCls = 'px-3 py-1.5';
