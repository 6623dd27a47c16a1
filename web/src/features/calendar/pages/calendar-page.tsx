import { Col, Row, Space } from 'antd'
import { Page } from '../../../shared/page'
import { useCan } from '../../../shared/session'
import { useCalendarYears } from '../api/list-years'
import { LoadYearForm } from '../components/load-year-form'
import { WorkdayTool } from '../components/workday-tool'
import { YearsTable } from '../components/years-table'

export function CalendarPage() {
  const can = useCan()
  const years = useCalendarYears()
  return (
    <Page title="节假日安排" subTitle="法定节假日与调休上班日，用于公示期、办理时限等工作日计算">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={16} style={{ display: 'flex' }}>
            <YearsTable years={years.data?.items} loading={years.isPending} />
            {can('calendar.manage') ? <LoadYearForm /> : null}
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <WorkdayTool />
        </Col>
      </Row>
    </Page>
  )
}
