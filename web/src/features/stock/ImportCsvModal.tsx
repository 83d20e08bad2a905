import { Alert, Code, FileInput, Modal, ScrollArea, Stack, Table, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { importRowsOf, useImportStock, type StockKind } from './api';
import { stockText } from './stock-text';
import { ModalActions } from '../../shared/ui/ModalActions';

/** What a file of each kind looks like: the header line and a few rows (valid, ready to copy). */
const EXAMPLES: Record<StockKind, string> = {
  'sim-cards': [
    'kind,iccid,pin,puk,smdp_address,matching_id',
    'physical,8932109900000000015,1234,12345678,,',
    'physical,8932109900000000023,,,,',
    'esim,8932109900000000031,,,smdp.example.com,PROFILE-0001',
  ].join('\n'),
  'fixed-numbers': ['number', '02 201 23 45', '+32 3 201 23 46'].join('\n'),
  'mobile-number-pool': ['msisdn', '0470 12 34 56', '+32 471 23 45 67'].join('\n'),
};

type ImportCsvModalProps = { stock: StockKind; companyId: string | null; opened: boolean; onClose: () => void };

/** Uploads (or pastes) a CSV file; shows the problems of a refused file line by line. */
export const ImportCsvModal = ({ stock, companyId, opened, onClose }: ImportCsvModalProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const upload = useImportStock(stock, companyId);
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [rows, setRows] = useState<ImportRowError[] | null>(null);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const text = stockText(stock);
  const example = EXAMPLES[stock];
  const header = example.split('\n')[0]!;
  const alertRef = useRef<HTMLDivElement>(null);

  // A refused file: bring its report into view (the dialog is taller than most screens).
  useEffect(() => {
    if (error) alertRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [error]);

  const close = () => {
    setFile(null);
    setPasted('');
    setRows(null);
    setError(null);
    upload.reset();
    onClose();
  };

  const submit = async () => {
    setRows(null);
    setError(null);
    const content = file ? await file.text() : pasted;
    if (!content.trim()) {
      setError({ title: t('stock.import.failed'), message: t('stock.import.chooseOrPaste') });
      return;
    }
    try {
      const { imported } = await upload.mutateAsync(content);
      notify({ color: 'green', title: t('stock.import.done'), message: t(`stock.${text}.imported`, { count: imported, formatted: format.number(imported) }) });
      close();
    } catch (failure) {
      const problems = importRowsOf(failure);
      setError({ title: problems ? t('stock.import.refused') : t('stock.import.failed'), message: problemMessage(failure) });
      setRows(problems);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t(`stock.${text}.importTitle`)} centered size="xl" closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="md">
        <Text fz="sm">{t('stock.import.intro')}</Text>
        <div>
          <Text fz="sm" fw={600} mb={4}>
            {t('stock.import.header')}
          </Text>
          <Code fz="sm">{header}</Code>
          <Text fz="xs" c="dimmed" mt={4}>
            {t(`stock.${text}.columnsHint`)}
          </Text>
        </div>
        <div>
          <Text fz="sm" fw={600} mb={4}>
            {t('stock.import.example')}
          </Text>
          <Code block fz="sm">
            {example}
          </Code>
        </div>
        <FileInput
          label={t('stock.import.file')}
          description={t('stock.import.fileHint')}
          placeholder={t('stock.import.filePlaceholder')}
          accept=".csv,text/csv,text/plain"
          clearable
          clearButtonProps={{ 'aria-label': t('stock.import.clearFile') }}
          leftSection={<IconFileTypeCsv size={18} aria-hidden="true" />}
          value={file}
          onChange={(next) => {
            setFile(next);
            setRows(null);
            setError(null);
          }}
        />
        <Textarea
          label={t('stock.import.paste')}
          description={file ? t('stock.import.pasteIgnored') : undefined}
          disabled={!!file}
          autosize
          minRows={3}
          maxRows={8}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          spellCheck={false}
          value={pasted}
          onChange={(event) => setPasted(event.currentTarget.value)}
        />
        {error && (
          <Alert ref={alertRef} color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />} role="alert" title={error.title}>
            {error.message}
            {rows && rows.length > 0 && <Text fz="sm" fw={600} mt={4}>{t('stock.import.problems', { count: rows.length, formatted: format.number(rows.length) })}</Text>}
          </Alert>
        )}
        {rows && rows.length > 0 && <ImportProblems rows={rows} />}
        <ModalActions label={t('stock.import.submit')} onConfirm={submit} pending={upload.isPending} icon={IconUpload} onCancel={close} />
      </Stack>
    </Modal>
  );
};

/** The report of a refused file: line, column and the problem, in the order of the file. */
const ImportProblems = ({ rows }: { rows: ImportRowError[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars tabIndex={0} aria-label={t('stock.import.rowsCaption')} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }}>
      <Table striped stickyHeader fz="sm" verticalSpacing={6}>
        <VisuallyHidden component="caption">{t('stock.import.rowsCaption')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right" w={70}>
              {t('stock.import.line')}
            </Table.Th>
            <Table.Th w={150}>{t('stock.import.column')}</Table.Th>
            <Table.Th>{t('stock.import.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={`${row.line}-${row.field}-${i}`}>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {format.number(row.line)}
              </Table.Td>
              <Table.Td>{row.field ? <Code>{row.field}</Code> : <Text span c="dimmed" fz="sm">{t('stock.import.wholeLine')}</Text>}</Table.Td>
              <Table.Td>{row.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
};
